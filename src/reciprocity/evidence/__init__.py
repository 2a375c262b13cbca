"""Evidence from the person's own chat exports: the message shape, the readers, the import.

The indicators computed from what is imported are pure analysis, in
:mod:`reciprocity.core.indicators`.
"""
