"""The Indonesian language pack: data files beside this one, grammar in `grammar/`."""
