"""Matching: names, aliases, ambiguous names both ways, rules, near misses, evidence."""

from __future__ import annotations

from typing import Any

import pytest

from skillgap.analysis import analyze
from skillgap.matching.rules import compile_rule
from skillgap.taxonomy import Taxonomy

from .helpers import CORPUS, EXAMPLES, REPO, skill_ids


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Skills: Python, R, SQL", "r"),
        ("Statistical modelling in R and Python", "r"),
        ("Languages: Python, Go, Rust", "go"),
        ("Backend services written in Golang", "go"),
        ("Languages: C/C++, Python", "c"),
        ("Languages: C/C++, Python", "cpp"),
        ("Built data pipelines in Java and Scala", "java"),
        ("Languages: Java, Scala, Python", "scala"),
        ("Scientific computing in the Julia language", "julia"),
        ("Tools: Apache Spark, Hadoop, Hive", "apache-spark"),
        ("Ran Spark jobs on a YARN cluster", "apache-spark"),
        ("Processed logs with PySpark", "apache-spark"),
        ("Deployed services on Microsoft Azure", "azure"),
        ("Cloud: AWS, Azure, GCP", "azure"),
        ("Skills: Python, R.", "r"),
        ("Gained a working knowledge of Spark at Acme", "apache-spark"),
        ("Gained a working knowledge of Julia at Acme", "julia"),
    ],
)
def test_ambiguous_names_match_where_they_are_the_skill(text: str, skill: str) -> None:
    assert skill in skill_ids(text)


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Reviewed by R. Smith and J. Doe", "r"),
        ("Led the R&D team for five years", "r"),
        ("I am the go-to person for data questions", "go"),
        ("Ready to go live with the new store", "go"),
        ("Go to market strategy for three products", "go"),
        ("Front end in JavaScript and TypeScript", "java"),
        ("Desktop apps in C# and Objective-C", "c"),
        ("John C. Smith, Grade C in chemistry", "c"),
        ("Teams in C++ only", "c"),
        ("A team led by Julia Roberts", "julia"),
        ("Her ideas sparked a new product line", "apache-spark"),
        ("Spark joy in every customer visit", "apache-spark"),
        ("Painted the azure sea at dawn", "azure"),
        ("Dinner at La Scala, Milan", "scala"),
        ("MS Office, MS Excel", "degree-master"),
        ("Gained a spark of curiosity at Acme", "apache-spark"),
        ("Gained experience with Spark Capital partners", "apache-spark"),
        ("Years of experience with Julia Roberts", "julia"),
        ("Built a web app with GitHub OAuth login and JWT sessions", "cybersecurity"),
        ("Investigated insurance fraud cases for the state attorney.", "fraud-detection"),
        ("Lozano-Argüelles, C., and Rodríguez, N. (2017). Eye-tracking reveals stress.", "c"),
    ],
)
def test_ambiguous_names_stay_silent_elsewhere(text: str, skill: str) -> None:
    assert skill not in skill_ids(text)


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Deployed models to production on Kubernetes", "model-deployment"),
        ("Built and deployed machine learning models serving 1M users", "model-deployment"),
        ("PhD candidate in Computer Science", "degree-phd"),
        ("Published at NeurIPS and ICML", "publications"),
        ("Invited talk at the ICML workshop on causality", "conference-presentations"),
        ("Research assistant in the vision lab", "research-experience"),
        ("Ran A/B tests on the checkout page", "experimental-design"),
        ("Assisting researchers with study design and data collection", "experimental-design"),
        ("Reviewer for NeurIPS 2023", "peer-review"),
        ("M.Sc. in Statistics, 2019", "degree-master"),
        ("B.Tech in Computer Science", "degree-bachelor"),
        ("Courses: linear algebra, calculus", "mathematics"),
        ("Monitored models for data drift", "model-monitoring"),
        ("Trained LSTM and CNN models", "deep-learning"),
        ("Designed a diffusion-based policy for robot grasping", "diffusion-models"),
        ("Papers at TMLR, ECML-PKDD and ICDM", "research-venues"),
        ("Scheduled Oozie workflows for Hive jobs", "workflow-orchestration"),
    ],
)
def test_concepts_match_inflected_and_reordered_phrasings(text: str, skill: str) -> None:
    assert skill in skill_ids(text)


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Skills: Tensorflow, Pytoch, Kubernets", "pytorch"),
        ("Skills: Tensorflow, Pytoch, Kubernets", "kubernetes"),
        ("Skills: Tensorflow, Pytoch, Kubernets", "tensorflow"),
        ("Skills: scikit learn, pandas", "scikit-learn"),
        ("Skills: Tensor Flow, NumPy", "tensorflow"),
        # Two edits in a long name written as one word, when the taxonomy also writes the
        # name in two ("Elasticsearch", "Elastic Search"): both word counts allow it.
        ("Skills: Python, Elasticsaerch, Docker", "nosql"),
        ("Skills: Python, Elastic Serach, Docker", "nosql"),
        # In prose: long phrases of as many words as the name, one edit.
        ("Built a Neutral Network model for churn prediction.", "deep-learning"),
        ("Wrote a binary classifcation pipeline for fraud.", "machine-learning"),
        ("A tutorial on mixed effects models for phoneticians.", "statistics"),
    ],
)
def test_misspellings_of_long_names_match(text: str, skill: str) -> None:
    assert skill in skill_ids(text)


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Proficiency with GenAI workflows (eg. RAG, prompt-engineering).", "prompt-engineering"),
        ("Skills: computer-vision, Python", "computer-vision"),
        ("Designed a star-schema model for the warehouse.", "data-modeling"),
    ],
)
def test_a_name_of_a_few_words_joined_by_hyphens_matches(text: str, skill: str) -> None:
    assert skill in skill_ids(text)


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Two years in a related role such as data/backend engineer.", "data-engineering"),
        ("Roles held: frontend/backend developer", "frontend-development"),
    ],
)
def test_a_word_before_a_slash_shares_the_rest_of_the_name_after_it(text: str, skill: str) -> None:
    assert skill in skill_ids(text)


def test_fuzzy_matching_never_touches_short_names_or_prose() -> None:
    found = skill_ids("Skills: Pyton, Jav, Gox\nManaged the court docket for the firm.")
    assert "java" not in found
    assert "go" not in found
    assert "docker" not in found
    # One edit away across a word boundary ("software engineering"), and single words in prose.
    assert skill_ids("Worked as a Software Engineer in Boston; fixed a Kubernets cluster.") == set()
    assert "c" not in skill_ids("Taught ñ Programming to the arts students.")  # a whole word
    assert "data-science" not in skill_ids("Wrote the libraries shared by all data scientists.")
    # Another real name one letter away is not a misspelling: OpenAI is no OpenAPI.
    assert "web-frameworks" not in skill_ids("Skills: OpenAI, Python")
    assert "web-frameworks" in skill_ids("Skills: OpenAPI, Python")


def test_fuzzy_evidence_is_marked_and_less_confident() -> None:
    report = analyze(b"Skills: Kubernets, Python", name="r.txt")
    kubernetes = next(s for s in report.skills if s.id == "kubernetes")
    python = next(s for s in report.skills if s.id == "python")
    assert kubernetes.evidence[0].method == "fuzzy"
    assert kubernetes.evidence[0].text == "Kubernets"
    assert kubernetes.confidence < python.confidence


def test_evidence_records_text_line_section_method_and_strength() -> None:
    text = "Jane Doe\n\nSkills\nPython, R\n\nExperience\nBuilt models in PyTorch.\n"
    report = analyze(text.encode(), name="r.txt")
    by_id = {s.id: s for s in report.skills}
    r_evidence = by_id["r"].evidence[0]
    assert (r_evidence.text, r_evidence.line, r_evidence.section) == ("R", 4, "skills")
    assert r_evidence.method == "exact" and r_evidence.context
    assert by_id["r"].strength == "listed"
    torch = by_id["pytorch"].evidence[0]
    assert (torch.line, torch.section, torch.strength) == (7, "experience", "demonstrated")


def test_alternative_spellings_are_aliases() -> None:
    report = analyze(b"Used sklearn and k8s daily", name="r.txt")
    methods = {s.id: s.evidence[0].method for s in report.skills}
    assert methods["scikit-learn"] == "alias"
    assert methods["kubernetes"] == "alias"


def test_one_phrase_can_show_two_skills() -> None:
    found = skill_ids("Skills: C/C++, Spark SQL, Amazon EKS")
    assert {"c", "cpp", "apache-spark", "sql", "kubernetes", "aws"} <= found


def test_github_link_counts_but_other_urls_do_not() -> None:
    found = skill_ids(
        "Code: https://github.com/jane/tools\nBlog: https://pytorch-notes.example.com"
    )
    assert {"github", "git"} <= found
    assert "pytorch" not in found


def test_a_python_library_alone_is_not_python() -> None:
    assert "python" not in skill_ids("Experience with pandas, PyTorch and Django")


def test_implied_skills_are_marked() -> None:
    report = analyze(b"Coursework: linear algebra", name="r.txt")
    maths = next(s for s in report.skills if s.id == "mathematics")
    assert maths.evidence[0].method == "implied"


def test_rule_compiler_builds_spacy_patterns() -> None:
    pattern = compile_rule("deploy* ... model|models production?")
    inflections = set(pattern[0]["LOWER"]["IN"])
    assert {"deploy", "deployed", "deploying", "deployment", "deployments"} <= inflections
    assert "redeploy" not in inflections and "deployment-ready" not in inflections
    assert compile_rule("github.com*")[0] == {"LOWER": {"REGEX": r"^(?:github\.com\S*)$"}}
    assert compile_rule("*convex")[0] == {"LOWER": {"REGEX": r"^(?:\S*convex)$"}}
    assert pattern[1]["OP"] == "{0,4}"
    assert pattern[2] == {"LOWER": {"IN": ["model", "models"]}}
    assert pattern[3] == {"LOWER": "production", "OP": "?"}
    assert compile_rule("led ...8 teams")[1]["OP"] == "{0,8}"


def test_headings_are_sections_and_evidence() -> None:
    text = "Publications\nA. Author. A paper title. 2021.\n\nTalks\nA talk somewhere, 2020.\n"
    report = analyze(text.encode(), name="r.txt")
    by_id = {s.id: s for s in report.skills}
    assert by_id["publications"].evidence[0].method == "section"
    assert by_id["conference-presentations"].evidence[0].line == 4


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ('Currently learning "Machine Learning" for a fraud project', "machine-learning"),
        ("Beginning of learning Rust", "rust"),
        ("Certified Kubernetes Developer, The Linux Foundation", "linux"),
        ("Columbia MS thesis committee member", "degree-master"),
        ("Backend services in TensorFlow-Probability", "probability"),
    ],
)
def test_wishes_exclusions_and_longer_names_do_not_count(text: str, skill: str) -> None:
    assert skill not in skill_ids(text)


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Deep learning and machine learning in Python", "machine-learning"),
        ("Implemented a messenger in Scala on Lift", "scala"),
        ("Skills: Sentimental Analysis, Clustering", "nlp"),
        ("Skills: Natural Langauge Processing, SQL", "nlp"),
        ("ScB in Applied Mathematics", "degree-bachelor"),
        ("Worked closely with UX designers", "collaboration"),
        ("Appointed to lead the Product Management and User Interaction teams", "collaboration"),
        ("Communicated with clients to understand requirements", "communication"),
        ("Research on baryconvex optimization", "optimization"),
    ],
)
def test_general_mechanisms_find_real_phrasings(text: str, skill: str) -> None:
    assert skill in skill_ids(text)


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Co-developed ProteinGenerator, a diffusion model", "collaboration"),
        ("Co-organized the GEM workshop", "collaboration"),
        ("Worked with clinicians to build a triage model", "collaboration"),
        ("Joint work with Google Brain on sparse attention", "collaboration"),
        ("Supervised four undergraduate students on research projects", "communication"),
        ("Invited talk at Google Research, 2023", "communication"),
        ("Poster at the ICML 2022 workshop on causal learning", "communication"),
        ("Teaching\nCS 5805 Machine Learning, Fall 2024", "communication"),
        ("Head TA for CS 231n", "communication"),
        ("Teaching Fellow, Harvard", "communication"),
        ("Wrote grant proposals funded by NSF", "communication"),
        ("Explained model results to non-technical stakeholders", "communication"),
        ("Supervised 3 MSc theses", "communication"),
        ("Ran a weekly reading group on RL theory", "communication"),
        ("Speaker at PyData Berlin 2023", "communication"),
        ("Worked alongside data engineers and designers", "collaboration"),
        ("Team of 5 engineers building a recommender", "collaboration"),
        ("Pair programming and code reviews with teammates", "collaboration"),
        ("Joint project with Siemens on predictive maintenance", "collaboration"),
        ("Research Scholar, IISc", "research-experience"),
        ("Summer research program, Caltech", "research-experience"),
        ("Member of the Stanford Vision Lab", "research-experience"),
        ("Research Coordinator, Henry Ford Health", "research-experience"),
        ("My research focuses on 3D perception for driving", "research-experience"),
        ("J. Doe, A. Smith. Sparse attention. arXiv:2101.00001, 2021.", "publications"),
        ("Presented a poster at the SfN annual meeting", "conference-presentations"),
        (
            "Presented study progress in Boston as part of the joint kickoff nephrology "
            "research conference.",
            "conference-presentations",
        ),
    ],
)
def test_soft_skills_shown_by_what_academics_write(text: str, skill: str) -> None:
    """Joint work, supervising students, talks and a Teaching section with entries, as
    academic CVs state them."""
    assert skill in skill_ids(text)


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Presented the roadmap at the weekly team meeting", "conference-presentations"),
        ("Wrote a UX case study design review for the client", "experimental-design"),
        (
            "Presented quarterly sales figures to the regional managers before the annual "
            "sales conference",
            "conference-presentations",
        ),
        ("Scrum meetings with the team of the client", "collaboration"),
        ("Published 5+ papers at NeurIPS", "communication"),
        ("Code reviewer for the backend team", "peer-review"),
        ("I am currently learning Rust and JAX", "jax"),
        ("Learning Go, Rust and Scala this year", "scala"),
    ],
)
def test_near_phrasings_that_show_something_else(text: str, skill: str) -> None:
    assert skill not in skill_ids(text)


def test_a_teaching_section_of_a_template_loop_shows_no_communication() -> None:
    page = "Teaching\n======\n  <ul>{% for post in site.teaching %}\n  {% endfor %}</ul>\n"
    found = {skill.id for skill in analyze(page.encode(), name="cv.md").skills}
    assert "communication" not in found
    shown = analyze(
        page.replace("{% for post in site.teaching %}", "TA, CS 101").encode(), name="cv.md"
    )
    assert "communication" in {skill.id for skill in shown.skills}


def test_concepts_are_not_matched_fuzzily_from_single_words() -> None:
    found = skill_ids("Roles: instruction, Present MERN, Conversational, Mathematica")
    assert not {"communication", "nlp", "mathematics"} & found


def test_a_short_name_between_two_known_skills_is_a_list_item() -> None:
    assert "go" in skill_ids("Languages: Java/J2EE Python Go React")
    assert "go" not in skill_ids("We Go React to news")


@pytest.mark.parametrize(
    ("text", "skill"),
    [("SKILLS: PYTHON, GO, SCALA", "go"), ("SKILLS: PYTHON, GO, SCALA", "scala")],
)
def test_upper_case_lists(text: str, skill: str) -> None:
    assert skill in skill_ids(text)


def test_joined_section_titles() -> None:
    from skillgap.sections import heading_section

    assert heading_section("Certifications & Courses") == (
        "certifications", "certifications and courses",
    )  # fmt: skip
    assert heading_section("Food and drink") is None


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Maintained power transformers at the substation", "deep-learning"),
        ("LLM in International Law, University of London", "nlp"),
        ("References: Mr. Paul Jenkins, manager", "ci-cd"),
        ("Led market research in retail for two brands", "research-experience"),
    ],
)
def test_words_of_other_trades_are_not_skills(text: str, skill: str) -> None:
    assert skill not in skill_ids(text)


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Fine-tuned LLMs for customer support", "nlp"),
        ("Skills: Python, LLMs, RAG", "nlp"),
        ("Built Jenkins pipelines for every service", "ci-cd"),
        ("Trained transformers (BERT) for ranking", "deep-learning"),
    ],
)
def test_the_same_words_as_skills(text: str, skill: str) -> None:
    assert skill in skill_ids(text)


def test_a_slash_at_a_word_s_edge_is_its_own_token() -> None:
    assert {"kafka", "flink", "rust", "sql"} <= skill_ids(
        "Skills\nKafka/ Flink, Go /Rust, Python/ SQL"
    )
    from skillgap.matching.tokens import EnglishTokenizer

    words = [t.text for t in EnglishTokenizer()("see https://x.com/a/b and CI/CD")]
    assert "https://x.com/a/b" in words and "CI/CD" not in words


def test_a_slash_after_cpp_or_csharp_parts_two_names() -> None:
    assert {"python", "cpp", "cuda"} <= skill_ids("Skills\nProficient in Python/C++/CUDA")
    assert {"cpp", "java"} <= skill_ids("Skills\nC++/Java, Go")


def test_a_degree_glued_to_in_is_read_with_its_field() -> None:
    from skillgap.analysis import analyze_text

    text = "Education\nPh.D.in Physics, MIT, 2019\nM.S.in Statistics, Stanford, 2015\n"
    degrees = analyze_text(text, roles=[]).profile.degrees
    assert [(d.level, d.field) for d in degrees] == [("phd", "Physics"), ("master", "Statistics")]


def test_tokens_are_those_of_spacy_blank_en() -> None:
    """Special cases are loaded as texts need them; the tokens must not change because of it."""
    import spacy

    from skillgap.matching.tokens import EnglishTokenizer

    # The README and docs/ give hundreds of distinct chunks, without the shared corpus.
    documents = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
    texts = [p.read_text() for p in [*sorted(EXAMPLES.glob("*.txt")), *documents]]
    if CORPUS.exists():
        resumes = [p for p in sorted((CORPUS / "text").iterdir()) if p.suffix != ".tsv"]
        texts += [p.read_text(errors="replace") for p in resumes]
    texts.append("I'm at U.S. labs, e.g. Dr. Smith's :) don't\xa0C++ 3.5x (a.m.)\tand/or Ph.D.")
    texts.append("gonna cannot Im dont (gonna) cannot, 'Cause y'all")
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    from skillgap.matching.tokens import affixes, infixes

    blank, lazy = spacy.blank("en"), EnglishTokenizer()
    # spaCy's own tokenizer with skillgap's additions: a slash at a word's edge, or after
    # "C++" or "C#".
    prefixes, suffixes = affixes()
    blank.tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    blank.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    blank.tokenizer.infix_finditer = compile_infix_regex(infixes()).finditer
    waiting = len(lazy._pending)

    def tokens(doc: Any) -> list[tuple[str, str, int, str]]:
        return [(t.text, t.norm_, t.idx, t.whitespace_) for t in doc]

    for text in texts + texts[::-1]:  # the second time from spaCy's cache of chunks
        assert tokens(lazy(text)) == tokens(blank.make_doc(text))
    assert 0 < len(lazy._pending) < waiting  # some were added on demand, not all
    assert len(lazy._cached) > 500
    lazy.add_all_special_cases()  # as a batch does
    assert not lazy._pending
    for text in texts:
        assert tokens(lazy(text)) == tokens(blank.make_doc(text))


def test_a_long_gap_stays_within_one_sentence() -> None:
    assert "collaboration" not in skill_ids("Led the redesign of our billing. Teams followed it.")


def test_near_miss_in_prose_is_the_closest_name() -> None:
    """With two names in reach, the exact one wins over one a letter away, whatever their
    order (it decides the confidence: 0.9 exact written apart, 0.8 one edit)."""
    from rapidfuzz.distance import Levenshtein

    from skillgap.matching.near import nearest_in_prose

    forms = [
        ("neuralnetwork", ("neural", "network")),
        ("neuralnetworks", ("neural", "networks")),
    ]
    words = ["neural", "networks"]
    found = nearest_in_prose("".join(words), words, forms, Levenshtein.distance)
    assert found == (0, "neuralnetworks")


def test_the_word_a_near_miss_changes_is_found_with_what_stands_for_it() -> None:
    from skillgap.matching.near import changed_words

    assert changed_words(["language", "modes"], "languagemodels") == [("modes", "models")]
    assert changed_words(["built", "pipelines"], "buildpipeline") == [
        ("built", "build"),
        ("pipelines", "pipeline"),
    ]
    # A letter added where words meet ends the word before it.
    assert changed_words(["mixed", "effect", "model"], "mixedeffectsmodel") == [
        ("effect", "effects")
    ]
    assert changed_words(["horton", "works"], "hortonworks") == []
    assert changed_words(["kubernets"], "kubernetes") == []  # single words are for the name


def test_a_second_text_adds_every_tokenizer_special_case() -> None:
    """One text (a cold run) adds only the special cases it holds; from a second text on, more
    may come, and all are added at once."""
    from skillgap.matching import Matcher, compile_patterns
    from skillgap.taxonomy import load_taxonomy

    matcher = Matcher(compile_patterns(load_taxonomy()))
    first = matcher.find("Skills: Python, SQL, e.g. pandas")
    assert matcher.tokenizer._pending
    second = matcher.find("Skills: Python, SQL, e.g. pandas")
    assert not matcher.tokenizer._pending
    assert first == second


def test_phrase_matchers_built_from_ids_match_as_built_from_docs(taxonomy: Taxonomy) -> None:
    """The phrase stage gives spaCy's PhraseMatcher the string ids of each form's tokens, not a
    Doc of the form: the same matches as the plain way, a Doc per form."""
    from spacy.matcher import PhraseMatcher

    from skillgap.matching import compile_patterns
    from skillgap.matching.compiled import alias_forms
    from skillgap.matching.phrases import PhraseStage
    from skillgap.matching.tokens import EnglishTokenizer

    tokenizer = EnglishTokenizer()
    stage = PhraseStage(compile_patterns(taxonomy).phrases, {}, tokenizer.vocab)
    lower = PhraseMatcher(tokenizer.vocab, attr="LOWER")
    exact = PhraseMatcher(tokenizer.vocab, attr="ORTH")
    for skill in taxonomy.skills.values():
        for matcher, kind, forms in (
            (lower, "alias", alias_forms(skill.aliases)),
            (exact, "exact", skill.exact),
            (exact, "ambiguous", skill.ambiguous),
            (lower, "exclude", skill.excludes),
        ):
            if forms:
                matcher.add(f"{kind}:{skill.id}", list(tokenizer.pipe(forms)))
    texts = [p.read_text() for p in [*sorted(EXAMPLES.glob("*.txt")), REPO / "README.md"]]
    if CORPUS.exists():
        resumes = [p for p in sorted((CORPUS / "text").iterdir()) if p.suffix != ".tsv"]
        texts += [p.read_text(errors="replace") for p in resumes]
    texts.append("Go, R and C++ at the Linux Foundation; MS SQL, JavaScript, C#, e.g. Spark")
    strings = tokenizer.vocab.strings
    for text in texts:
        doc = tokenizer(text)
        plain = [(strings[key], start, end) for m in (lower, exact) for key, start, end in m(doc)]
        found = [(f"{c.kind}:{c.skill_id}", c.start, c.end) for c in stage.find(doc)]
        assert found == plain


def test_a_taxonomy_with_the_same_content_has_the_same_matcher(taxonomy: Taxonomy) -> None:
    """Matchers are kept by the taxonomy's content, not by the object (a taxonomy sent to a
    worker process is a new object), and only a few are kept."""
    from skillgap.matching import find

    copy = Taxonomy(
        categories=dict(taxonomy.categories), skills=dict(taxonomy.skills), roles=taxonomy.roles
    )
    assert copy is not taxonomy and find.matcher_for(copy) is find.matcher_for(taxonomy)
    first = find.matcher_for(taxonomy)
    skills = dict(taxonomy.skills)
    for number in range(find._KEPT):
        python = skills["python"].model_copy(update={"tip": f"Variant {number} of the tip."})
        variant = Taxonomy(taxonomy.categories, {**skills, "python": python}, taxonomy.roles)
        assert find.matcher_for(variant) is not first
    assert find.matcher_for(taxonomy) is not first  # dropped, built again


def test_remembered_near_miss_searches_find_what_fresh_ones_find(taxonomy: Taxonomy) -> None:
    """The near-miss stage remembers its searches across texts (and forgets them past a
    bound): a stage that has seen every text finds what a fresh one finds."""
    from skillgap.matching import compile_patterns
    from skillgap.matching.near import NearMissStage
    from skillgap.matching.tokens import EnglishTokenizer
    from skillgap.matching.view import TokenView

    patterns = compile_patterns(taxonomy).near
    tokenizer = EnglishTokenizer()
    texts = [p.read_text() for p in sorted(EXAMPLES.glob("*.txt"))]
    texts.append("Pytoch, Kubernets and Tensor Flow; mixed effect models and Neutral Networks")
    views = [TokenView.of(text, [], tokenizer) for text in texts]
    seasoned = NearMissStage(patterns)
    found = [hit.text for view in views for hit in seasoned.find(view, set())]
    assert {"Pytoch", "Kubernets", "Neutral Networks"} <= set(found)
    for view in views:
        assert list(seasoned.find(view, set())) == list(NearMissStage(patterns).find(view, set()))


@pytest.mark.parametrize(
    ("line", "shown"),
    [
        ("Put our churn classifier into production as a REST API.", True),
        ("Shipped a recommendation model that now powers the homepage.", True),
        ("Rolled out the ranking model to 10% of traffic.", True),
        ("Trained a model on user data; released a report to customers.", False),
        ("Shipped a model railway kit to a museum.", False),
    ],
)
def test_production_said_without_deploy_is_model_deployment(line: str, shown: bool) -> None:
    """Found in a review: without these, the core of the MLE role swung on one word."""
    assert ("model-deployment" in skill_ids(f"Experience\n- {line}\n")) == shown


@pytest.mark.parametrize(
    ("line", "shown"),
    [
        ("Added a product recommendation widget using a third-party API.", False),
        ("Built product recommendation models for 3M shoppers.", True),
    ],
)
def test_product_recommendations_need_a_cue_of_modelling(line: str, shown: bool) -> None:
    """A web developer who embedded a vendor's widget built no recommender (a review found
    it met the core of the MLE role)."""
    assert ("recommender-systems" in skill_ids(f"Experience\n- {line}\n")) == shown


def test_prediction_models_are_ml_beside_an_ml_library_only() -> None:
    """Found in a new-user review: a data scientist's 'Built churn prediction models with
    scikit-learn and XGBoost' showed no ML (a half-credit gap on mle)."""
    built = "Experience\nBuilt churn prediction models with scikit-learn and XGBoost.\n"
    assert "machine-learning" in skill_ids(built)
    assert "machine-learning" not in skill_ids("Experience\nRan weather prediction models.\n")
    assert "machine-learning" not in skill_ids("Experience\nStaff training on online learning.\n")


@pytest.mark.parametrize(
    "text",
    [
        "Built a risk model that predicts loan approval probability for each customer.",
        "Added hotkeys and probability displays to the log viewer.",
    ],
)
def test_probability_as_a_quantity_is_not_probability_theory(text: str) -> None:
    assert "probability" not in skill_ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "Skills\nProbability, Linear Algebra, Statistics",
        "Took courses in probability and calculus.",
    ],
)
def test_probability_as_a_subject_counts(text: str) -> None:
    assert "probability" in skill_ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "Created production models to forecast attrition and predict employee churn.",
        "Created a production system to forecast seasonal sales by product.",
    ],
)
def test_models_built_for_production_show_deployment(text: str) -> None:
    assert "model-deployment" in skill_ids(text)


def test_production_without_a_model_is_no_deployment() -> None:
    assert "model-deployment" not in skill_ids("Managed the production schedule of a print shop.")


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Inclusion and Diversity committee member, 2019-2021", "collaboration"),
        ("Member of the graduate curriculum committee", "collaboration"),
        ("Refined 100+ crystal structures in support of multi-lab projects.", "collaboration"),
        (
            "I completed my student teaching in the Lake Washington School District.",
            "communication",
        ),
        ("Applied statistical machine learning techniques (HMMs) to motion data.", "statistics"),
    ],
)
def test_soft_skills_and_statistics_as_resumes_state_them(text: str, skill: str) -> None:
    assert skill in skill_ids(text)


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Tech Lead, Acme Corp, 2020 - 2023", "collaboration"),
        ("I am always looking for exciting new interdisciplinary projects.", "collaboration"),
        ("Committee for the Protection of Human Subjects approved the study.", "collaboration"),
        ("Statistical Office of the European Union, intern", "statistics"),
    ],
)
def test_titles_and_names_are_no_soft_skill_or_statistics(text: str, skill: str) -> None:
    assert skill not in skill_ids(text)


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        (
            "Optimizing core-shell fabrication and electrochemical performance.",
            "performance-engineering",
        ),
        ("Courses: Operating System Design, Automata and Theory", "system-design"),
        (
            "Developed web rendering pipelines in the DemandWare pipeline language",
            "computer-graphics",
        ),
        ("Built a web frontend for a real-time streaming video player", "stream-processing"),
    ],
)
def test_another_word_or_thing_is_not_the_skill(text: str, skill: str) -> None:
    assert skill not in skill_ids(text)


def test_a_misspelt_long_word_in_prose_is_still_found() -> None:
    assert "deep-learning" in skill_ids("Built a neutral network for image tagging.")


def test_math_as_a_school_subject_taught_is_not_mathematics() -> None:
    text = "## Lesson Plans\n\n* Science\n* Reading\n* Math\n* Writing\n"
    assert "mathematics" not in skill_ids(text)


@pytest.mark.parametrize("text", ["B.S. in Math, 2019", "Skills\nMath, Python, SQL"])
def test_math_as_a_degree_or_a_skill_is_mathematics(text: str) -> None:
    assert "mathematics" in skill_ids(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Doubled the performance of a model used to detect fraud.", True),
        ("Built classifiers that predict customer churn.", True),
        ("Built financial models to forecast revenue in Excel.", False),
    ],
)
def test_a_model_that_predicts_or_detects_is_machine_learning(text: str, expected: bool) -> None:
    assert ("machine-learning" in skill_ids(text)) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Asset management system: labeled boxes, mapped devices to boxes.", False),
        ("Built an IT asset management tool for 10,000 laptops.", False),
        ("Quant analyst at a global asset management firm.", True),
    ],
)
def test_it_asset_management_is_not_finance(text: str, expected: bool) -> None:
    assert ("finance-domain" in skill_ids(text)) is expected


def test_first_author_research_is_research_experience() -> None:
    text = "First-author research applying evolutionary search to factory layout generation."
    assert "research-experience" in skill_ids(text)
