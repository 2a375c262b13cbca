"""Training and measuring the language signals shipped in ``reciprocity.signals``."""
