"""Evidence from the person's own chat exports: readers per format, the import, the indicators."""
