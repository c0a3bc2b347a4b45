"""Stage `entities`: people, organisations, countries and places, unified and CAMEO-coded.

The package follows the stage's steps (docs/entities.md has the map):

- `sections`: the pack files read as typed sections; `knowledge`: them indexed for lookups;
- `text`: one text (body or caption) read from its text view, and the typed per-text state;
- `gazetteer`, `titles`, `organisations`, `people`, `aliases`, `linking`: the rules;
- `model`, `model_names`: the statistical NER over the pieces it needs, and its spans cleaned;
- `candidates`: the three sources together; `grouping`: one group per referent;
- `codes`: each group's canonical name, country and CAMEO actor code; `stage`: the stage.

Indonesian grammar (affixes, the common-word test) is behind `grammar.EntityGrammar`,
implemented in `kabar/lang/id/grammar/entities.py`.
"""

from kabar.entities.candidates import Recognizer
from kabar.entities.grammar import EntityGrammar
from kabar.entities.knowledge import Actor, Knowledge, RoleWord, Title
from kabar.entities.stage import Entities
from kabar.entities.text import Candidate, EntityText

__all__ = [
    "Actor",
    "Candidate",
    "Entities",
    "EntityGrammar",
    "EntityText",
    "Knowledge",
    "Recognizer",
    "RoleWord",
    "Title",
]
