"""The shipped weights: they load, they are small, and numpy reads them as training meant."""

from __future__ import annotations

import json
import math
import shutil
from collections import Counter
from importlib import resources
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reciprocity.signals._features import features, normalise
from reciprocity.signals._model import HeadKind, LinearModel, load_model, shipped_model

MODEL = resources.files("reciprocity.signals").joinpath("model")


def test_the_weights_ship_inside_the_package_and_stay_small() -> None:
    sizes = {name: MODEL.joinpath(name).read_bytes() for name in ("weights.npz", "vocabulary.json")}
    assert sum(len(b) for b in sizes.values()) < 5 * 1024 * 1024


def test_no_pickle_and_no_raw_rows_are_shipped() -> None:
    names = {item.name for item in MODEL.iterdir()}
    assert names <= {"weights.npz", "vocabulary.json"}
    described = json.loads(MODEL.joinpath("vocabulary.json").read_text(encoding="utf-8"))
    assert set(described) == {"format", "features", "sources", "heads", "vocabulary"}
    assert any("CC BY 4.0" in source for source in described["sources"])
    # Features are words, word pairs and pieces of at most five characters: no sentences.
    for feature in described["vocabulary"]:
        if feature.startswith("w:"):
            assert " " not in feature
        elif len(feature) > 5:
            assert feature.count(" ") == 1, feature


def reference_scores(model: LinearModel, text: str) -> list[float]:
    """The same arithmetic, written out plainly in Python, one text at a time."""
    counted = Counter(f for f in features(text) if f in model.vocabulary)
    values = {
        model.vocabulary[f]: (1 + math.log(n)) * float(model.idf[model.vocabulary[f]])
        for f, n in counted.items()
    }
    norm = math.sqrt(sum(v * v for v in values.values())) or 1.0
    out = []
    for column, kind in enumerate(model.kinds):
        raw = float(model.intercept[column])
        raw += sum(float(model.coef[i, column]) * v / norm for i, v in values.items())
        out.append(1 / (1 + math.exp(-raw)) if kind is HeadKind.LOGISTIC else raw)
    return out


def test_the_batch_scorer_matches_the_plain_arithmetic() -> None:
    model = shipped_model()
    texts = ["how are you?", "", "I'm sooooo tired of this", "thanks!!", "zzzzqqqq", "ok"]
    batch = model.scores(texts)
    for row, text in zip(batch, texts, strict=True):
        assert row == pytest.approx(reference_scores(model, text), abs=1e-4)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from("ab !?'\x1e\u00e9\U0001f600 1"), max_size=12)))
def test_a_batch_scores_each_text_as_if_it_were_alone(texts: list[str]) -> None:
    # The batch is one string with a mark between texts: no feature may cross it,
    # even in texts that hold the mark themselves or no word at all.
    model = shipped_model()
    batch = model.scores(texts)
    for row, text in zip(batch, texts, strict=True):
        assert row == pytest.approx(reference_scores(model, text.replace("\x1e", " ")), abs=1e-4)


def test_every_head_is_there() -> None:
    heads = set(shipped_model().heads)
    assert {
        "emotional_disclosure",
        "informational_disclosure",
        "emotional_support",
        "practical_support",
        "gratitude",
        "caring",
        "distress_emotion",
        "personal_distress",
        "accusatory",
    } <= heads


def test_weights_of_another_features_version_are_refused(tmp_path: Path) -> None:
    for name in ("weights.npz", "vocabulary.json"):
        shutil.copyfile(str(MODEL.joinpath(name)), tmp_path / name)
    described = json.loads((tmp_path / "vocabulary.json").read_text(encoding="utf-8"))
    assert load_model(tmp_path).heads == shipped_model().heads
    described["features"] = 999
    (tmp_path / "vocabulary.json").write_text(json.dumps(described), encoding="utf-8")
    with pytest.raises(ValueError, match="features version"):
        load_model(tmp_path)


def test_escaped_characters_and_curly_quotes_become_plain() -> None:
    assert normalise("I<U+0092>m \u201cfine\u201d") == 'i\'m "fine"'
    assert normalise("Sooooo") == "soo"


def test_features_are_words_pairs_and_pieces() -> None:
    found = features("Thanks Sam")
    assert "w:thanks" in found
    assert "thanks sam" in found
    assert " th" in found
    assert features("") == []
    assert features("!!!") == ["w:!!!", " !!", "!!!", "!! ", " !!!", "!!! ", " !!! "]


def test_scores_have_one_row_per_text() -> None:
    scores = shipped_model().scores(["a", "b", ""])
    assert scores.shape == (3, len(shipped_model().heads))
    assert np.isfinite(scores).all()
