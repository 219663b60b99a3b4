"""Turn files into articles, chunk them by tokens, embed them and write them to the index incrementally."""
