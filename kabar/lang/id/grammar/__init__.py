"""Indonesian grammar, one module per part that a stage asks for through `LanguagePack.grammar`."""
