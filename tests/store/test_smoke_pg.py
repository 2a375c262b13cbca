from reciprocity.core import RelationshipKind
from reciprocity.store import Store


def test_a_person_added_is_listed(store: Store) -> None:
    store.add_person("Sam", RelationshipKind.PARTNER)
    assert [s.person.name for s in store.people()] == ["Sam"]
