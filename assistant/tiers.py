"""Source tiers (official, threat intelligence, news, community and blogs): what a citation's badge
says and what breaks ties in ranking. The rules live in one data file, assistant/tiers.toml.

A tier is worked out when an article is read, never stored: editing the rules re-tiers every indexed
article without an ingest.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict

RULES_FILE = Path(__file__).with_name("tiers.toml")
UNRATED = "unrated"  # no source_type and no domain rule matched
# In a web archive's path, the page it archives: "https://web.archive.org/web/2021…/https://cisa.gov/…".
# A timestamp of 4 to 14 digits (Wayback), or dotted ("2024.08.19-120000", archive.today).
_ARCHIVED = re.compile(r"^/(?:web/)?(?:\d{4,14}|\d{4}\.\d\d\.\d\d-\d{6})[a-z_]*/(https?://.+)$", re.IGNORECASE)


class Tier(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    label: str
    about: str = ""
    source_types: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()


class TierRules(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    tier: tuple[Tier, ...]
    archives: tuple[str, ...] = ()  # web archives whose copies are tiered as the page they archive

    def rank(self, name: str) -> int:
        """0 for the strongest tier; unrated (or unknown) after every listed one."""
        return next((i for i, t in enumerate(self.tier) if t.name == name), len(self.tier))

    def label(self, name: str) -> str:
        return next((t.label for t in self.tier if t.name == name), "Unrated")

    def names(self) -> list[str]:
        return [t.name for t in self.tier] + [UNRATED]

    def of(self, source_type: str = "", url: str = "") -> str:
        """The tier of an article with this front-matter `source_type` and this url."""
        wanted = source_type.strip().lower()
        if wanted == UNRATED:  # said so (a saved page's own claim to an address is not trusted)
            return UNRATED
        if wanted:
            for t in self.tier:
                if wanted == t.name or wanted in t.source_types:
                    return t.name
        host = self._host(url)
        if host:
            for t in self.tier:
                if any(_under(host, domain) for domain in t.domains):
                    return t.name
        return UNRATED

    def _host(self, url: str) -> str:
        """The url's host; for a copy in a known web archive, the host of the page it archives."""
        host, path = _split(url)
        if any(_under(host, archive) for archive in self.archives):
            archived = _ARCHIVED.match(path)
            if archived:
                host, _ = _split(archived.group(1))
        return host


def _split(url: str) -> tuple[str, str]:
    url = url.strip()
    try:
        parts = urlsplit(url if "//" in url else f"//{url}")
        host = parts.hostname or ""
    except ValueError:
        return "", ""
    return host.lower().rstrip(".").removeprefix("www."), parts.path


def _under(host: str, domain: str) -> bool:
    domain = domain.lower()
    if domain.startswith("."):
        return host.endswith(domain)
    return host == domain or host.endswith("." + domain)


@lru_cache(maxsize=4)
def tier_rules(path: Path = RULES_FILE) -> TierRules:
    return TierRules.model_validate(tomllib.loads(path.read_text(encoding="utf-8")))


def tier_of(source_type: str = "", url: str = "") -> str:
    return tier_rules().of(source_type, url)
