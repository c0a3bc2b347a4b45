"""Stage `events`: CAMEO-coded political events, each with the sentence it comes from.

One module per step (see docs/events.md): `triggers` (dictionary lookup), `actors` and
`generic` (who can be a side), `subjects`, `arguments` and `candidates` (who did what to whom),
`modality` (reported, negated, intended ...), `threats`, `speech` (quotes), `anchoring`,
`dates` and `places` (time and place), `merging` (one event, several tellings). Importing the
package registers the stage.
"""

from kabar.events.dates import DateResolver, TimeExpr, find_dates
from kabar.events.lexicon import Lexicon
from kabar.events.stage import EventExtractor

__all__ = ["DateResolver", "EventExtractor", "Lexicon", "TimeExpr", "find_dates"]
