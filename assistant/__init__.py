"""Election-security briefing assistant: answers from indexed articles, every claim cited.

from assistant import Assistant
bot = Assistant(index_dir="./index")
bot.ingest(["articles/"])
answer = bot.ask("Who was charged over the Trump campaign hack?")
"""

from assistant.api import Assistant
from assistant.errors import AssistantError
from assistant.types import Answer, Citation, Filters, IngestReport, Passage

__all__ = ["Answer", "Assistant", "AssistantError", "Citation", "Filters", "IngestReport", "Passage"]
