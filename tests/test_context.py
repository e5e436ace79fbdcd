"""Context for ambiguous words (issue 13): news networks, place codes, organisation
abbreviations, other people's degrees, magazine publications, fuzzy matches of different real
words and library names that are common words are no skills, while the same words in their
skill's context still are."""

from __future__ import annotations

import pytest

from skillgap.analysis import analyze

from .helpers import skill_ids


@pytest.mark.parametrize(
    "text",
    [
        "Produced segments for CNN and NBC",
        "Experience\nField producer, CNN International, Atlanta",
        "Appeared on CNN, Fox News and MSNBC as a commentator",
    ],
)
def test_news_networks_are_no_deep_learning(text: str) -> None:
    assert "deep-learning" not in skill_ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "Trained a CNN for image classification in PyTorch",
        "Built a CNN model to detect defects",
        "Skills: CNN, LSTM, Transformers",
        "Deep learning: CNN / RNN / LSTM",
        "Trained LSTM and CNN models",
        "Architectures: CNNs and GANs",
        "Implemented a CNN from scratch in NumPy",
        "A CNN for handwritten digit recognition",
        "Pedestrian detector with an R-CNN",
        "A CNN-based pose estimator",
        "Hybrid CNN-LSTM for sleep staging",
    ],
)
def test_cnn_beside_ml_words_is_deep_learning(text: str) -> None:
    assert "deep-learning" in skill_ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "Research interests: Machine Unlearning, privacy",
        "Skills\nMachine Unlearning, Python",
        "Topics: Machine Relearning, Python",
    ],
)
def test_a_prefix_makes_another_term_not_a_misspelling(text: str) -> None:
    assert "machine-learning" not in skill_ids(text)


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        # A word of four or five letters with a letter changed, added or dropped is most often
        # another word: "modes" are no "models", "built" no "build".
        ("Bilingual language modes in heritage speakers. J. Phonetics, 2019.", "nlp"),
        ("Interests: language modes, phonology", "nlp"),
        ("Built pipelines for the analytics team.", "ci-cd"),
        ("Skills: Built pipelines, Python", "ci-cd"),
        # A "d" ending more or less is another form of the word, with another meaning.
        ("Diffusion for joint sequence and structure generation of proteins.", "llm-applications"),
        ("Open Source\nA patch to the city's tram timetable site.", "open-source"),
    ],
)
def test_another_real_word_is_not_a_misspelling(text: str, skill: str) -> None:
    assert skill not in skill_ids(text)


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Machin learning, Python", "machine-learning"),
        ("Skills: Machine Lerning, Python", "machine-learning"),
        ("Skills: Tensor Flw, NumPy", "tensorflow"),
        ("Built a Neutral Network model for churn prediction.", "deep-learning"),
        ("Skills: Web Scaping, Python", "web-scraping"),
        # A plural "s" more or less, and accents, on a short word are the same word.
        ("Trained a language model for code completion.", "nlp"),
        ("Skills: Google Sheet, Excel", "bi-tools"),
        ("Skills: Naïve Bayes, SVM", "machine-learning"),
    ],
)
def test_typos_still_match_fuzzily(text: str, skill: str) -> None:
    assert skill in skill_ids(text)


def degree_levels(text: str) -> set[str]:
    """The degree skills found, and the levels of the profile's degrees."""
    report = analyze(text.encode(), name="resume.txt")
    found = {s.id for s in report.skills if s.id.startswith("degree-")}
    return found | {d.level for d in report.profile.degrees}


@pytest.mark.parametrize(
    "text",
    [
        "Education\nUniversity of Massachusetts, Amherst, MA\nCertificate in Journalism, 2015",
        "Education\nHampshire College, Amherst, MA 01002",
        "Experience\nReporter, The Clarion-Ledger, Jackson, MS, 2014 - 2018",
        "Contact: 12 Elm Street, Portland, ME, USA",
        "Education\nHarvard University, Cambridge, MA, United States",
    ],
)
def test_state_codes_after_a_place_are_no_degrees(text: str) -> None:
    assert degree_levels(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Experience\nAnalyst, Strategy Consulting (MSC), 2019",
        "Experience\nIntern, Mediterranean Shipping Company (MSC), Geneva",
        "Experience\nEngineer, Building Services Corporation (BSC), Oslo",
    ],
)
def test_organisation_abbreviations_are_no_degrees(text: str) -> None:
    assert degree_levels(text) == set()


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Education\nMS in Computer Science, Stanford University, 2020", "degree-master"),
        ("Education\nStanford University, MS in Computer Science, 2020", "degree-master"),
        ("Education\nColumbia University, MS, Computer Science, 2019", "degree-master"),
        ("Education\nGeorgia Institute of Technology, MS, 2018", "master"),
        ("Education\nStanford, MS, Computer Science, 2019", "degree-master"),
        ("Education\nUniversity of Massachusetts, Amherst, MA\nMA in History, 2012", "master"),
        ("Education\nMSC Computer Science, University of Delhi, 2016", "degree-master"),
        ("Education\nBSC (Computer Science), University of Mumbai, 2014", "degree-bachelor"),
        ("Holds an MSc in Statistics", "degree-master"),
        ("Education\nBS/MS in Electrical Engineering, MIT", "degree-bachelor"),
        ("Requirements\n* BS, MS or PhD in CS, Math or equivalent", "degree-master"),
        ("Requirements\n* BS, MS or PhD in CS, Math or equivalent", "degree-bachelor"),
    ],
)
def test_degrees_in_their_context_still_count(text: str, level: str) -> None:
    assert level in degree_levels(text)


@pytest.mark.parametrize(
    "text",
    [
        "Experience\nSupervised Master's research projects in the lab",
        "Experience\nMentored five MSc students and two PhD students",
        "Teaching\nTaught BS students the basics of statistics",
        "Service\nServed on PhD committees and examined MS theses",
        "Experience\nCo-supervised a master of science student on robotics",
        # One rule for matching and the profile: words of others a few words away count too.
        "Service\nJane Roe, Chair of PhD qualifying paper committee, Rutgers University",
        "Service\nMember of M.A. for Teachers portfolio committee",
        "Teaching\nGuest lecture for PhD course instructors on statistics",
    ],
)
def test_other_peoples_degrees_are_not_the_persons(text: str) -> None:
    assert degree_levels(text) == set()


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Education\nMaster's student in Statistics, supervised by Prof. Smith", "degree-master"),
        ("PhD candidate in Computer Science, ETH Zurich", "degree-phd"),
        ("Education\nPhD in Physics, advised by Prof. Jones, 2019", "degree-phd"),
        ("Education\nM.Sc. in Statistics, 2019. Taught undergraduate courses", "degree-master"),
        ("Master of Science in Data Science, 2021", "degree-master"),
        ("Three years of research and teaching after Ph.D.", "degree-phd"),
        ("Mentoring junior engineers during my PhD at MIT", "degree-phd"),
    ],
)
def test_own_degrees_beside_supervision_words_still_count(text: str, level: str) -> None:
    assert level in degree_levels(text)


@pytest.mark.parametrize(
    "text",
    [
        "Experience\nWrote for national publications including Wine Spectator",
        "Experience\nManage the organization's print publications and communications",
        "Experience\nFreelance Writer, Multiple Publications",
        "Experience\nMy recipes were featured in several publications",
    ],
)
def test_magazines_are_no_research_publications(text: str) -> None:
    assert "publications" not in skill_ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "Publications: [1] J. Doe. Robust bandits. NeurIPS 2023.",
        "Publications\n[1] J. Doe, A. Smith. Calibrated ensembles. ICML 2022.",
        "Summary\nAuthor of 12 peer-reviewed publications on causal inference",
        "Summary\nResearch publications in NLP and speech",
        "Experience\nTen publications at top venues (NeurIPS, ICML)",
        "Research\nThree publications on protein folding",
        "Summary\nScientific publications and patents in computer vision",
    ],
)
def test_research_publications_still_count(text: str) -> None:
    assert "publications" in skill_ids(text)


def test_publications_heading_a_list_count() -> None:
    text = "Experience\nResearch fellow\nSome publications:\n  https://doi.org/10.1098/rsos.140211"
    assert "publications" in skill_ids(text)
    assert "publications" not in skill_ids("Experience\nMy articles ran in national publications:")


@pytest.mark.parametrize(
    "text",
    [
        "Skills: Transformers, PyTorch, Datasets",
        "Libraries: PyTorch, Transformers, scikit-learn",
        "Fine-tuned BERT with the Transformers library",
        "Built NER models with PyTorch and Transformers",
    ],
)
def test_the_transformers_library_is_hugging_face(text: str) -> None:
    assert "hugging-face" in skill_ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "Deep learning: CNN / RNN / LSTM / Transformers",
        "Trained transformers for machine translation",
        "Marketing lead for the Transformers toy line at Hasbro",
    ],
)
def test_transformers_elsewhere_are_no_library(text: str) -> None:
    assert "hugging-face" not in skill_ids(text)


def test_transformers_toys_are_no_deep_learning() -> None:
    assert "deep-learning" not in skill_ids("Marketing lead for the Transformers toy line")


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Had weekly meetings with Ray Dalio's team", "dask-ray"),
        ("Sourced deals on Spark Capital's portfolio", "apache-spark"),
        ("Built face filters using Spark AR Studio", "apache-spark"),
        ("Volunteered with Spark Foundation in Nairobi", "apache-spark"),
    ],
)
def test_a_lead_in_before_a_name_is_no_context(text: str, skill: str) -> None:
    assert skill not in skill_ids(text)


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Processed click logs with Spark and Hive", "apache-spark"),
        ("Scaled the ETL with Spark.", "apache-spark"),
        ("Ran batch jobs using Spark MLlib", "apache-spark"),
        ("Parallelised hyperparameter search with Ray", "dask-ray"),
        ("Distributed training with Ray on 64 GPUs", "dask-ray"),
        ("Applications using Spark Azure Data Lake and Cosmos DB", "apache-spark"),
    ],
)
def test_a_lead_in_still_confirms_a_library(text: str, skill: str) -> None:
    assert skill in skill_ids(text)


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("References: Bert Jansen, store manager", "deep-learning"),
        ("Co-authored a study on tea farming with Zhe Gan", "deep-learning"),
        ("Motto: yolo, travel often", "deep-learning"),
        ("Worked under Dora Smith at the bakery", "lora"),
    ],
)
def test_names_written_like_acronyms_are_no_skills(text: str, skill: str) -> None:
    assert skill not in skill_ids(text)


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Fine-tuned BERT for sentiment analysis", "deep-learning"),
        ("Trained a GAN to generate faces", "deep-learning"),
        ("Real-time detection with YOLO", "deep-learning"),
        ("Adapters: LoRA, DoRA, QLoRA", "lora"),
    ],
)
def test_acronyms_in_capitals_still_count(text: str, skill: str) -> None:
    assert skill in skill_ids(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Skills\nPython\n\nPublications\n\nTalks\n\nEducation\nB.Sc. in Physics", "publications"),
        ("Skills\nPython\n\nTalks\n\nEducation\nB.Sc. in Physics", "conference-presentations"),
        ("Experience\nEngineer at Acme\n\nPublications\n", "publications"),
    ],
)
def test_an_empty_section_shows_nothing(text: str, absent: str) -> None:
    """A template's or a site's empty "Publications" section shows no publication."""
    assert absent not in skill_ids(text)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        (
            "Skills\nPython\n\nPublications\nJ. Doe, A. Roe. Sparse attention. NeurIPS 2021.",
            "publications",
        ),
        (
            "Publications\nJournal Articles\nJ. Doe, A. Roe. Sparse attention. JMLR 2021.",
            "publications",
        ),
        (
            "Talks\nInvited talk on sparse attention, NeurIPS 2021 workshop",
            "conference-presentations",
        ),
    ],
)
def test_a_section_with_content_still_shows_its_skill(text: str, present: str) -> None:
    assert present in skill_ids(text)


def test_a_templates_placeholders_name_no_skill() -> None:
    template = (
        "[Your Name]\n[Your Email] | [Your Phone] | [Portfolio/GitHub]\n\n"
        "Experience\n[Job Title] | [Company Name]\n- Taught algebra to 120 students\n\n"
        "Skills\nLanguages: [Programming languages, e.g. Python or R]\nCommunication"
    )
    found = skill_ids(template)
    assert not found & {"github", "git", "python", "r"}
    assert "communication" in found


@pytest.mark.parametrize(
    "text",
    [
        # brackets in a real resume
        "Projects\nRobot arm controller [Python, ROS]\nhttps://github.com/jane/arm",
        # a single placeholder does not make a template
        "[Your Name]\nSkills\n[Python, SQL]",
    ],
)
def test_brackets_outside_a_template_still_count(text: str) -> None:
    assert "python" in skill_ids(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Seeking to advance AI research through a Masters/Ph.D. program.", "degree-phd"),
        ("Seeking to advance AI research through a Masters/Ph.D. program.", "degree-master"),
        ("Applying to PhD programs in machine learning for fall 2026.", "degree-phd"),
        ("Prospective PhD student in robotics.", "degree-phd"),
    ],
)
def test_a_degree_sought_is_not_held(text: str, absent: str) -> None:
    assert absent not in skill_ids(text)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("Currently pursuing a PhD in statistics at MIT.", "degree-phd"),
        ("Seeking ML roles.\nEducation\nM.Sc. in Computer Science, 2021", "degree-master"),
        ("Education\nPhD in Physics, ETH Zurich, 2019", "research-experience"),
    ],
)
def test_a_degree_held_or_in_progress_counts(text: str, present: str) -> None:
    assert present in skill_ids(text)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("Served on the DEI sourcing committee of the station", "collaboration"),
        ("Coordination and coaching of teams in Singapore and India", "collaboration"),
        ("Presented software demos to enterprise buyers", "communication"),
        ("Development of an R library for modelling and visualisation", "r"),
    ],
)
def test_soft_skills_and_r_in_their_words(text: str, present: str) -> None:
    assert present in skill_ids(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("The committee approved the budget", "collaboration"),
        ("Presented at the board meeting", "collaboration"),
    ],
)
def test_those_words_alone_are_not_the_skill(text: str, absent: str) -> None:
    assert absent not in skill_ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "We are seeking an engineer with a PhD in computer science.",
        "Seeking ML engineering roles; MSc in Statistics, 2020.",
    ],
)
def test_seeking_without_a_programme_keeps_the_degree(text: str) -> None:
    found = skill_ids(text)
    assert found & {"degree-phd", "degree-master"}


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        (
            "Technical recruiter hiring machine learning engineers for startups",
            "machine-learning",
            None,
        ),
        ("Sourced Python and Java developers for clients", "python", None),
        ("Machine Learning Engineer, Acme, 2021-2024", None, "machine-learning"),
    ],
)
def test_skills_that_qualify_people_are_theirs(
    text: str, absent: str | None, present: str | None
) -> None:
    found = skill_ids(text)
    assert absent is None or absent not in found
    assert present is None or present in found


@pytest.mark.parametrize(
    "text",
    [
        "Summer 2015: Research Assistant\n  * Github University\n  * Duties: Tagging issues",
        "Experience\nInstructor, Python College, Leeds",
        "Research Assistant, 2015\nSupervisor: Professor Git",
        "Advised by Prof. Python and Dr. Git",
    ],
)
def test_a_skill_in_the_name_of_a_school_or_a_person_is_not_the_skill(text: str) -> None:
    found = skill_ids(text)
    assert not found & {"github", "git", "python"}


def test_a_bodys_name_shows_no_skill_of_its_topic() -> None:
    """Found in a new-user review: an employer's name gave quantum computing and HPC, the
    near-miss stage finding what the phrase stage had dropped as a name."""
    found = skill_ids(
        "Experience\nAnalyst, Italian Research Center on High Performance Computing, Big Data "
        "and Quantum Computing (ICSC), 2023\n"
    )
    assert not found & {"quantum-computing", "hpc"}
    # The topic named outside a name, or a department's field, is still found.
    assert "quantum-computing" in skill_ids("Experience\nSimulated circuits for Quantum Computing")
    assert "computer-science" in skill_ids("Education\nPhD, Department of Computer Science\n")


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Code on GitHub, University projects in Python", "github"),
        ("Skills: Python\nUniversity of Leeds", "python"),
        ("Courses from the NVIDIA Deep Learning Institute", "deep-learning"),
        ("Taught by a professor: Python, Git", "git"),
    ],
)
def test_a_school_word_elsewhere_leaves_the_skill(text: str, skill: str) -> None:
    assert skill in skill_ids(text)


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Education\nMaster in Robotics, KTH, 2020", "degree-master"),
        ("Master of Robotics, University of Sydney", "degree-master"),
        ("Master by Research in AI, 2019", "degree-master"),
        ("Education\nM.A.Sc. in Mechanical Engineering, University of Toronto", "degree-master"),
        ("Education\nM.S.E. Computer Science, Johns Hopkins", "degree-master"),
        ("Education\nMSCS, Georgia Tech", "degree-master"),
        ("Education\nB.S.E. in Electrical Engineering, Michigan", "degree-bachelor"),
        ("Education\nBMath Computer Science, Waterloo", "degree-bachelor"),
        ("Education\nHBSc, University of Toronto", "degree-bachelor"),
        ("Education\nDr.-Ing., TU Munich", "degree-phd"),
        ("Education\nSc.D. in Mechanical Engineering, MIT", "degree-phd"),
        ("Education\nEngD in Computer Science", "degree-phd"),
        ("Education\n- Master, Computer Science, ETH Zurich (2020)", "degree-master"),
        ("Laurea Magistrale in Ingegneria Informatica, Politecnico di Milano", "degree-master"),
        ("Diplom-Informatiker, TU Berlin", "degree-master"),
        ("Licence en Informatique, Sorbonne", "degree-bachelor"),
        ("Doctorado en Ciencias de la Computación, UBA", "degree-phd"),
    ],
)
def test_degrees_as_schools_name_them(text: str, skill: str) -> None:
    assert skill in skill_ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "Scrum Master of the platform team",
        "Scrum Master in a team of 8",
        "Master of Ceremonies at the gala",
        "Master level",
        "Merged feature branches into master in Git",
        "Kubernetes master node in production",
    ],
)
def test_master_outside_a_degree_is_no_degree(text: str) -> None:
    assert "degree-master" not in skill_ids(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Teaching assistant for the MSc Data Science programme", "degree-master"),
        ("Lecturer in the MSc Machine Learning programme at UCL", "degree-master"),
        ("Taught undergraduate courses (BSc programme)", "degree-bachelor"),
        ("Thesis on memory. Supervised by Hsiao-Wen Liao, PhD", "degree-phd"),
        ("Worked with Dr. Smith (PhD) on imaging", "degree-phd"),
        ("Advisor: Prof. Jane Doe, PhD", "degree-phd"),
    ],
)
def test_a_degree_taught_or_an_advisers_is_not_held(text: str, absent: str) -> None:
    assert absent not in skill_ids(text)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("Jane Doe, PhD\nMachine learning researcher", "degree-phd"),
        ("Teaching assistant during my MSc programme at UCL", "degree-master"),
        ("MSc Data Science programme, UCL, 2019-2020", "degree-master"),
        ("PhD in Statistics, advised by Prof. Jane Doe", "degree-phd"),
    ],
)
def test_the_writers_own_degree_beside_teaching_or_advisers_counts(text: str, present: str) -> None:
    assert present in skill_ids(text)


def test_a_degree_named_alone_in_a_yaml_cv_counts() -> None:
    """al-folio and RenderCV files give the degree its own key: "studyType: Master"."""
    source = (
        "cv:\n  sections:\n    education:\n      - institution: ETH Zurich\n"
        "        area: Computer Science\n        studyType: Master\n"
    )
    report = analyze(source.encode(), name="cv.yml")
    assert "degree-master" in {skill.id for skill in report.skills}
