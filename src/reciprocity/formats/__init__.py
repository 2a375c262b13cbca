"""Files reciprocity reads and writes: answers files, exports, CSV."""
