"""Grammar of the toy pack in tests/data/toy_pack: each part's protocol met by a few English rules."""
