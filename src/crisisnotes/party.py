"""A party to an interaction: a state or organisation code and the mention that names it.

>>> Party("USA", "blinken", 0, 4, "person").is_person
True
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Party:
    """A party: its code (ISO 3166 alpha-3 or NATO/EU/UN/OSCE/G7), the actor named and its kind."""

    code: str
    actor_id: str
    start: int
    end: int
    kind: str = ""  # the lexicon's kind: person, state, org

    @property
    def is_person(self) -> bool:
        return self.kind == "person"
