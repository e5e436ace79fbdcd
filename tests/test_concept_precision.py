"""Concept words in their everyday senses: counts of things ("compiled crime statistics"),
products, other people's work. Each case came from a made-up resume of another trade or from a
false alarm of the tune split; the same words in the sense of the skill still count."""

from __future__ import annotations

import pytest

from .helpers import skill_ids


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # Statistics as counts of things, not the subject.
        (
            "Experience\n- Compiled election statistics and crime statistics for stories",
            "statistics",
        ),
        ("Experience\n- Collected patient statistics and survey data", "statistics"),
        ("Experience\n- Combined features to summarize statistics per customer", "statistics"),
        ("Experience\n- Tracked player stats for the school paper", "statistics"),
        # Models of engineering and finance predict too; a product's new model is launched.
        ("Experience\n- Built FEA models to predict fatigue life in ANSYS", "machine-learning"),
        ("Experience\n- Kept the financial model to predict cash flow", "machine-learning"),
        (
            "Experience\n- Launched the new model of the scooter to production, serving 40,000 "
            "customers",
            "model-deployment",
        ),
        ("Experience\n- Rolled out the updated model year powertrain", "model-deployment"),
        # A biologist's image analysis; a network's or a design's topology.
        ("Experience\n- Image analysis of confocal microscopy data in ImageJ", "computer-vision"),
        ("Skills\nWound care, image analysis of wound photos", "computer-vision"),
        ("Skills\nCisco routers, network topology, VLANs", "mathematics"),
        ("Experience\n- Cut bracket mass 20% with topology optimization", "mathematics"),
        # What a salesperson sold or demonstrated; another person's work.
        ("Experience\n- Sold machine learning diagnostics to hospitals", "machine-learning"),
        ("Experience\n- Selling computer vision cameras to retailers", "computer-vision"),
        ("Experience\n- Gave product demos of our NLP platform to clinicians", "nlp"),
        (
            "Summary\nInspired by my mentor's work on deep reinforcement learning",
            "reinforcement-learning",
        ),
        ("Summary\nI admire my advisors' research in computer vision", "computer-vision"),
        # Reinforcement learning's phrases in other trades.
        (
            "Experience\n- Developed exploration strategies for copper targets",
            "reinforcement-learning",
        ),
        ("Experience\n- Game playing and bug reports on new builds", "reinforcement-learning"),
        ("Experience\n- Designed curriculum learning units for grade 10", "reinforcement-learning"),
        (
            "Experience\n- Coordinator for a study of sequential decision-making in addiction",
            "reinforcement-learning",
        ),
        ("Experience\n- Led decision making under uncertainty for drilling", "machine-learning"),
        # Statistics, optimisation and probability named in other trades' work.
        ("Experience\n- Quantitative analysis of impurities by HPLC", "statistics"),
        ("Experience\n- Field sampling methods and QA/QC of assay data", "statistics"),
        ("Experience\n- Planned optimal transport routes for 40 trucks", "optimization"),
        # Papers and peer review in a reporter's or a teacher's work.
        ("Experience\n- Published articles on city politics in print and online", "publications"),
        ("Experience\n- Lead author of the district's new math curriculum guide", "publications"),
        ("Experience\n- Film reviewer and restaurant reviewer for the arts section", "peer-review"),
        ("Experience\n- Program committee of the city film festival", "peer-review"),
        # The brain's networks; a BI tool's predictive analytics.
        ("Research Interests\nNeural networks of the hippocampus, memory", "deep-learning"),
        ("Experience\n- Two-photon imaging of neural network activity in mice", "deep-learning"),
        ("Experience\n- Predictive analytics dashboards in Tableau", "machine-learning"),
        (
            'Education\nCapstone: "AI in Healthcare: Predictive Analytics for Patient Outcomes"',
            "machine-learning",
        ),
        # Labs of care and testing; QA routines; morphometrics, archives, behavioural tests.
        (
            "Experience\n- Worked in the hospital laboratory running blood panels",
            "research-experience",
        ),
        ("Experience\n- Staff nurse; joined the cardiac cath lab in 2019", "research-experience"),
        ("Experience\n- Intern at the state crime laboratory", "research-experience"),
        (
            "Experience\n- Sequential testing of the fire alarms in each building",
            "experimental-design",
        ),
        ("Research\nShape analysis of fossil skulls with landmarks", "computer-vision"),
        ("Experience\n- Image tagging for the photo archive", "computer-vision"),
        ("Experience\n- Novel object recognition test in mice after sleep loss", "computer-vision"),
        ("Experience\n- Built graphical models of the warehouse layout in Visio", "probability"),
        (
            "Experience\n- Adjoint algorithmic differentiation (AAD) for risk sensitivities",
            "deep-learning",
        ),
        # What candidates have, the roles a recruiter fills, the venues attended.
        (
            "Experience\n- Sourced candidates with deep learning and computer vision experience",
            "deep-learning",
        ),
        ("Experience\n- Partnered with hiring managers to define ML roles", "machine-learning"),
        ("Experience\n- Conference recruiting at NeurIPS and CVPR", "publications"),
        ("Experience\n- Attended ICML 2019 as a student volunteer", "publications"),
        # The team one works with.
        (
            "Experience\n- Worked with the ML team to prioritise model improvements",
            "machine-learning",
        ),
        ("Experience\n- Partnered with the NLP and computer vision teams on launch", "nlp"),
        (
            "Experience\n- Recommendation widgets (served from the ML team's API)",
            "machine-learning",
        ),
        # A heading its section does not bear out.
        (
            "Experience\n- Security engineer\n\nProgram Committees\n\n"
            "Problem Writer, 2016 CODEGATE Hacking Competition",
            "peer-review",
        ),
        # A dashboard's alerts.
        ("Experience\n- Anomaly detection alerts in Looker for revenue drops", "machine-learning"),
        # A producer's segments and coverage.
        (
            "Experience\n- Produced segments on AI and machine learning startups",
            "machine-learning",
        ),
        ("Experience\n- Led the desk's coverage of deep learning and robotics", "deep-learning"),
        # Image apps used; diffusion models of psychology, marketing and biology.
        ("Skills\nMicrosoft Office, ChatGPT, Canva, Midjourney", "deep-learning"),
        ("Research\nHierarchical drift diffusion models of perceptual decisions", "deep-learning"),
        (
            "Experience\n- Bass diffusion model of EV adoption for the strategy team",
            "deep-learning",
        ),
        ("Research\nReaction-diffusion models of animal coat patterns", "deep-learning"),
        # A paper's subject.
        (
            'Publications\n- L. Lim, A. Other, "A study into fireside storytelling," J. Tales',
            "communication",
        ),
    ],
)
def test_everyday_senses_show_no_concept(text: str, absent: str) -> None:
    assert absent not in skill_ids(text)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("Education\nB.S. in statistics, 2019", "statistics"),
        ("Summary\nResearch interests: decision-making and applied statistics.", "statistics"),
        ("Skills\npython, sql, statistics", "statistics"),
        ("Experience\n- Taught Statistics to first-year students", "statistics"),
        ("Education\nCoursework: probability and statistics", "statistics"),
        ("Experience\n- Trained gradient boosting models to predict churn", "machine-learning"),
        (
            "Experience\n- Shipped the ranking model to all users, serving 1M requests",
            "model-deployment",
        ),
        ("Experience\n- Launched the new fraud model in production", "model-deployment"),
        ("Research\nImage analysis with deep learning for histopathology", "computer-vision"),
        ("Skills\nPython, OpenCV, Image Analysis", "computer-vision"),
        ("Education\nCoursework: Topology, Real Analysis", "mathematics"),
        ("Experience\n- Forecast units sold per store with deep learning", "deep-learning"),
        ("Experience\n- Built a demo of our NLP platform for sales", "nlp"),
        (
            "Summary\nMy research on deep reinforcement learning for robots",
            "reinforcement-learning",
        ),
        ("Summary\nJane's research focuses on computer vision", "computer-vision"),
        ("Research\nSequential decision making with deep RL", "reinforcement-learning"),
        ("Experience\n- Reinforcement learning for game playing agents", "reinforcement-learning"),
        ("Research\nExploration strategies for bandit algorithms", "reinforcement-learning"),
        ("Skills\nPython, Sequential Decision Making, PyTorch", "reinforcement-learning"),
        ("Skills\nPython, SQL, Quantitative Analysis", "statistics"),
        ("Research\nApplied optimal transport and flows", "optimization"),
        ("Experience\n- Published an article in the Journal of Applied Physics", "publications"),
        ("Experience\n- Lead author of a NeurIPS paper on diffusion", "publications"),
        ("Awards\nBest Paper Award, National Conference on Computing", "publications"),
        (
            "Summary\nI serve as a reviewer for international conferences and journals",
            "peer-review",
        ),
        ("Service\nReviewer: NeurIPS 2022, ICML 2023", "peer-review"),
        ("Service\nProgram committee member, AAAI 2021", "peer-review"),
        ("Honours\nNeurIPS Top Reviewer 2021", "peer-review"),
        ("Research\nGraph neural networks of the molecular kind", "deep-learning"),
        ("Experience\n- Trained neural networks in PyTorch", "deep-learning"),
        ("Skills\nPython, Predictive Analytics, SQL", "machine-learning"),
        ("Experience\n- Predictive analytics with scikit-learn models", "machine-learning"),
        ("Skills\nAP style, interviewing, storytelling, fact-checking", "communication"),
        ("Summary\nStrong storytelling skills with data", "communication"),
        ("Experience\n- Joined the robotics lab as a summer intern", "research-experience"),
        (
            "Experience\n- Sequential testing for A/B experiments on the platform",
            "experimental-design",
        ),
        ("Research\n3D shape analysis with deep learning", "computer-vision"),
        ("Experience\n- Automated image tagging with CNN models", "computer-vision"),
        ("Research\nObject recognition with convolutional networks", "computer-vision"),
        ("Research\nInference in graphical models and variational methods", "probability"),
        ("Skills\nPython, Graphical Models, Bayesian Statistics", "probability"),
        (
            "Experience\n- Wrote an autodiff engine for neural networks from scratch",
            "deep-learning",
        ),
        ("Research\nAutomatic differentiation in JAX for physics simulators", "deep-learning"),
        ("Experience\n- Trained deep learning models with engineers from Meta", "deep-learning"),
        ("Publications\n- A. Smith, B. Jones. Diffusion for audio. NeurIPS 2022", "publications"),
        ("Summary\nML engineer with deep learning experience", "deep-learning"),
        ("Requirements\nCandidates with deep learning experience are preferred", "deep-learning"),
        ("Research\nLatent diffusion models for image synthesis", "deep-learning"),
        ("Projects\n- Fine-tuned a diffusion model for product photos", "deep-learning"),
        ("Experience\n- Led the NLP team of 6; shipped a BERT classifier", "nlp"),
        ("Experience\n- Improved coverage of the NLP evaluation suite", "nlp"),
        ("Education\n- PhD\n\nProgram Committees\n\nNeurIPS 2021, ICML 2022", "peer-review"),
        (
            "Experience\n- Dashboard to show on-call metrics of the deep learning jobs",
            "deep-learning",
        ),
        ("Experience\n- Member of the machine learning group at Google", "machine-learning"),
        ("Experience\n- Built deep learning models with the data science team", "deep-learning"),
        ("Skills\nAnomaly Detection, Intrusion Detection Systems", "machine-learning"),
        ("Projects\n- Python package for anomaly detection in time series", "machine-learning"),
    ],
)
def test_the_senses_of_the_skill_still_count(text: str, present: str) -> None:
    assert present in skill_ids(text)


def test_degrees_named_as_alternatives_are_not_held() -> None:
    from skillgap.analysis import analyze

    text = "Education\nBachelor or Masters Studies 2020 - 2024 Bachelor of Arts, Lyon\n"
    report = analyze(text.encode(), name="cv.txt")
    assert {s.id for s in report.skills} & {"degree-bachelor", "degree-master"} == {
        "degree-bachelor"
    }
    assert [d.level for d in report.profile.degrees] == ["bachelor"]
    both = analyze(b"Education\nB.S. and M.S. in Computer Science, 2019\n", name="cv.txt")
    assert {"degree-bachelor", "degree-master"} <= {s.id for s in both.skills}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A co-authored poster is a presentation, a co-authored report no paper.
        ("Experience\n- Co-authored a poster at the regional biology meeting", False),
        ("Experience\n- Co-authored the annual sustainability report", False),
        # A co-authored paper, or a co-author in a publications list, is one.
        ("Experience\n- Co-authored a paper on protein folding", True),
        ("Experience\n- Co-author of two peer-reviewed articles", True),
        ("Publications\n- Co-author: A. Roe, J. Doe. Fast things.", True),
    ],
)
def test_a_co_author_wrote_a_paper_beside_a_word_of_research(text: str, expected: bool) -> None:
    assert ("publications" in skill_ids(text)) is expected


@pytest.mark.parametrize(
    ("text", "skill", "expected"),
    [
        # A skill that qualifies others' organisations, or their heads, is their trade.
        (
            "Experience\n- Organized dinners for CEOs of deep learning companies",
            "deep-learning",
            False,
        ),
        ("Experience\n- Wrote profiles of computer vision companies", "computer-vision", False),
        ("Experience\n- Interviewed CEOs of NLP and computer vision companies", "nlp", False),
        # One's own company, or the companies one worked at, show it.
        (
            "Experience\n- Founded a deep learning company building vision models in PyTorch",
            "deep-learning",
            True,
        ),
        (
            "Experience\n- Founding engineer at two computer vision startups",
            "computer-vision",
            True,
        ),
    ],
)
def test_a_skill_of_others_organisations_is_theirs(text: str, skill: str, expected: bool) -> None:
    assert (skill in skill_ids(text)) is expected
