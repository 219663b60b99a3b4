"""Gold question sets and the suite that scores retrieval, faithfulness and citations."""
