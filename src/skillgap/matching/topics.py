"""Topics: a skill named as what someone reported on, interviewed people about or wrote a
story on is the subject of their work, not a skill of theirs ("interviewed DeepMind
researchers about large language models", "a long read on how recommendation algorithms
shape ..."); so is what a salesperson sold ("sold machine learning diagnostics to
hospitals") and another person's work ("my mentor's work on deep reinforcement learning").

The words that open a topic are those of journalism and media, of selling and of another
person's work (:data:`TOPIC_OPENERS`, :data:`SELLING`). A blog post, a paper or a talk about a
skill stays evidence of it: an ML engineer's "blog post about fine-tuning LLMs with LoRA" or
"talk about PyTorch" is their own work, so those words open no topic, and a sentence that
names such work before the opener keeps its skills
("Gave a talk covering PyTorch internals").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from skillgap.ids import PUBLICATIONS_SECTION, SKILLS_SECTION, TALKS_SECTION

if TYPE_CHECKING:
    from skillgap.matching.view import TokenView

#: Token sequences (lowercase) after which, to the end of the sentence, skills are a topic.
TOPIC_OPENERS: tuple[tuple[str, ...], ...] = tuple(
    tuple(phrase.split())
    for phrase in (
        "interviewed", "interviewing", "interviews with",
        "reported on", "reported about", "reporting on", "reporting about", "reports on",
        "covered", "covering",
        "wrote about", "writing about", "writes about", "written about",
        "story on", "story about", "stories on", "stories about",
        "article on", "article about", "articles on", "articles about",
        "long read on", "long read about", "long - read on", "long - read about",
        "longread on", "longread about", "long - form feature on", "long - form feature about",
        "feature about", "features about", "feature story on", "feature story about",
        "piece on", "piece about", "pieces on", "pieces about",
        "column about", "columns about", "podcast on", "podcast about", "podcast episode on",
        "episode about", "episodes about", "documentary on", "documentary about", "op - ed on",
        "op - ed about", "segment on", "segment about", "segments on", "segments about",
        "news coverage of", "media coverage of", "press coverage of", "led coverage of",
        "'s coverage of", "newsletter on", "newsletter about",
        # What a salesperson demonstrated is the product, not a skill of theirs.
        "product demos of", "product demo of", "sales demos of", "sales demo of",
    )
) + tuple(
    # Another person's work: "inspired by my mentor's work on deep reinforcement learning".
    (*holder, work, preposition)
    for person in ("mentor", "advisor", "adviser", "supervisor", "professor", "colleague",
                   "manager", "teacher", "father", "mother", "parent")
    for holder in ((person, "'s"), (f"{person}s", "'"))
    for work in ("work", "research", "paper", "papers", "book", "books")
    for preposition in ("on", "in", "about")
) + tuple(
    ("others", "'", work, preposition)
    for work in ("work", "research", "papers")
    for preposition in ("on", "in", "about")
)  # fmt: skip
#: Verbs of selling, which open a topic only as the first word of a sentence or an item
#: ("Sold machine learning diagnostics to hospitals"; not "forecast units sold with XGBoost").
SELLING = frozenset({"sold", "selling", "sells", "resold"})
#: Words of a person's own work: one of them before the opener in its sentence makes what
#: follows that work's content ("Taught a course covering deep learning", "Wrote a blog post
#: covering LoRA"), not a topic reported on.
OWN_WORK = frozenset(
    {"course", "courses", "coursework", "class", "classes", "lecture", "lectures", "curriculum",
     "syllabus", "module", "modules", "tutorial", "tutorials", "workshop", "workshops", "talk",
     "talks", "paper", "papers", "blog", "post", "posts", "book", "thesis", "dissertation",
     "test", "tests", "training", "bootcamp", "documentation", "docs", "presentation",
     "presentations", "seminar", "seminars", "guide", "notebook", "notebooks", "code",
     "trainings", "sessions", "onboarding"}
)  # fmt: skip
#: Words of research anywhere in the sentence make an article the person's paper ("Published a
#: journal article on graph neural networks", "an article on GNNs in the Proceedings of ...").
RESEARCH_WORDS = frozenset(
    {"journal", "proceedings", "conference", "arxiv", "preprint", "peer-reviewed", "doi",
     "co-authored", "coauthored", "first-author", "workshop", "symposium"}
)  # fmt: skip
#: Sections whose entries are titles of the person's own papers and talks, or lists of skills:
#: "Reporting on Fairness in Machine Learning" there is a paper, not a topic reported on.
_TITLED_SECTIONS = frozenset({PUBLICATIONS_SECTION, TALKS_SECTION, SKILLS_SECTION})
#: Words that, after "and", a comma or "to", resume the person's own doing ("reported on AI
#: policy and built a Python scraper", "interviewed users to design an NLP chatbot"), besides
#: any word ending in "ed"; and words that bring in their own means ("covered elections
#: using Python").
_OWN_VERBS = frozenset(
    {"built", "wrote", "made", "led", "ran", "taught", "gave", "won", "kept", "set", "began",
     "drove", "found", "grew", "held", "sent", "spent", "took", "brought", "shipped",
     "build", "write", "lead", "run", "develop", "design", "use", "create", "analyse",
     "analyze", "manage", "train", "improve", "inform", "guide", "prioritise", "prioritize",
     "validate", "test", "evaluate", "deploy", "ship", "implement", "prototype"}
)  # fmt: skip
_MEANS = frozenset({"using", "via", "leveraging"})
_JOINERS = frozenset({"and", ",", "to"})


def topic_spans(view: TokenView) -> list[tuple[int, int]]:
    """The token ranges that are a topic of someone's writing or reporting: from right after
    an opener to where the sentence ends, a new line starts with a capital or a bullet, or
    the person's own doing resumes."""
    lowers = view.lowers
    spans: list[tuple[int, int]] = []
    first_words = {opener[0] for opener in TOPIC_OPENERS}
    for index, word in enumerate(lowers):
        if word in SELLING and _opens_its_sentence(index, view):
            opener: tuple[str, ...] | None = (word,)
        elif word in first_words:
            opener = next(
                (o for o in TOPIC_OPENERS if tuple(lowers[index : index + len(o)]) == o), None
            )
        else:
            continue
        if opener is None or view.section_of(index) in _TITLED_SECTIONS:
            continue
        start = index + len(opener)
        end = _topic_end(start, view)
        if not _own_work(index, end, view):
            spans.append((start, end))
    return spans


def _opens_its_sentence(index: int, view: TokenView) -> bool:
    """Whether token ``index`` is the first word of its sentence or list item (of its line)."""
    first, _ = view.stretch(view.stretch_of(index))
    return not any(
        view.lowers[i].isalnum() and view.lines[i] == view.lines[index] for i in range(first, index)
    )


def in_topic(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether tokens ``start`` to ``end`` lie inside one of the topic spans."""
    return any(first <= start and end <= stop for first, stop in spans)


def _own_work(index: int, end: int, view: TokenView) -> bool:
    """Whether the sentence of an opener at token ``index``, on its line, names the person's
    own work before it ("Gave a talk covering ...") or research anywhere up to the topic's
    ``end`` ("an article on GNNs in the Proceedings of ...")."""
    line = view.lines[index]
    first, _ = view.stretch(view.stretch_of(index))
    before = (i for i in range(first, index) if view.lines[i] == line)
    return any(
        view.lowers[i] in OWN_WORK or view.lowers[i] in RESEARCH_WORDS for i in before
    ) or any(view.lowers[i] in RESEARCH_WORDS for i in range(index, end))


def _topic_end(start: int, view: TokenView) -> int:
    """Where a topic that starts at token ``start`` ends."""
    _, stop = view.stretch(view.stretch_of(start)) if start < len(view.lowers) else (0, start)
    lowers = view.lowers
    for index in range(start, stop):
        word = lowers[index]
        if index > start and view.lines[index] != view.lines[index - 1]:
            first = view.text_of(index, index + 1)
            if not first[:1].islower():  # a new line that starts a new item
                return index
        if word in _MEANS:
            return index
        if word in _JOINERS and index + 1 < stop:
            following = lowers[index + 1]
            if following in _OWN_VERBS or (following.endswith("ed") and len(following) > 4):
                return index
    return stop
