"""Areas and methods named in their everyday senses (issue 14, precision first): a nurse's ECG
monitoring, EHR charting and radiology department, an audio engineer's audio processing, a
drone photographer, a pilot's flight simulator, a salesperson's forecasting, a maintenance
programme, a project manager's RAG status and training materials, a teacher's online and active
learning, a guard's video surveillance show no ML skill; the same words beside a cue of
computation or modelling still do."""

from __future__ import annotations

import pytest

from skillgap.analysis import analyze

from .helpers import skill_ids


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # Healthcare: a nurse's or technologist's work is no healthcare ML or clinical data work.
        (
            "Experience\n- Monitored patients' ECG and vital signs on the telemetry unit",
            "biosignals",
        ),
        ("Experience\n- Documented care in Epic EHR and kept to HIPAA", "clinical-data"),
        (
            "Experience\n- Used electronic health records and clinical decision support tools",
            "clinical-data",
        ),
        (
            "Experience\n- Floated to the radiology department; prepared patients for CT scans",
            "medical-imaging",
        ),
        ("Skills\nPatient Care, EHR, Radiology, Mammography, Triage", "medical-imaging"),
        ("Skills\nPatient Care, EHR, Radiology, Mammography, Triage", "clinical-data"),
        ("Skills\nPatient Care, Clinical Data Entry, Radiology", "medical-imaging"),
        ("Experience\n- Assisted with EEG monitoring in the neurology unit", "neuroscience"),
        ("Experience\n- Staff nurse, cardiac electrophysiology lab", "neuroscience"),
        ("Experience\n- Sold wearables and fitness trackers in retail", "biosignals"),
        ("Education\nBSN. Coursework: Epidemiology, Pharmacology, Anatomy", "statistics"),
        ("Experience\n- Collected pharmacokinetics samples on the ward", "biostatistics"),
        ("Education\nCoursework: Health Informatics, Nursing Informatics", "computer-science"),
        # Sound and speech: audio engineering and dictation software are no audio or speech ML.
        ("Audio engineer and music producer", "audio-ml"),
        (
            "Experience\n- Mixed albums; audio processing and noise suppression in Pro Tools",
            "audio-ml",
        ),
        ("Skills\nPro Tools, Speech, Audio", "speech-processing"),
        ("Skills\nPro Tools, Speech, Audio", "audio-ml"),
        ("Experience\n- Set up speech recognition software for students", "speech-processing"),
        # Robots, simulators.
        ("Experience\n- Operated drones for aerial photography of building sites", "robotics"),
        ("Experience\n- Flight simulator training for new pilots", "simulation"),
        ("Experience\n- Ran simulation training in the nursing simulation lab", "simulation"),
        ("Skills\nSimulation, Emergency Planning, Logistics", "simulation"),
        # Business: forecasts, segments, maintenance, chatbots, knowledge bases, archives.
        ("Experience\n- Owned sales forecasting for the region in Salesforce", "time-series"),
        ("Skills\nSalesforce, Negotiation, Forecasting", "time-series"),
        ("Experience\n- Scheduling and demand forecasting for call-centre staffing", "time-series"),
        # A skill's wider cue reach stays within the sentence.
        (
            "Experience\n- Reviewed vendor models. Then I owned weekly demand forecasting",
            "time-series",
        ),
        (
            "Experience\n- Ran customer segmentation and churn reduction campaigns",
            "marketing-science",
        ),
        (
            "Experience\n- Ran the predictive maintenance programme and visual inspection of welds",
            "industrial-ml",
        ),
        ("Experience\n- Deployed a chatbot vendor for customer FAQs", "nlp"),
        ("Experience\n- Maintained knowledge bases in Zendesk", "knowledge-graphs"),
        ("Experience\n- Information retrieval from government archives", "retrieval-systems"),
        (
            "Experience\n- Ran automated storage and retrieval systems in the warehouse",
            "retrieval-systems",
        ),
        ("Experience\n- Reported RAG status to stakeholders weekly", "rag"),
        ("Experience\n- Reported RAG status to stakeholders weekly", "nlp"),
        (
            "Experience\n- Developed and distributed training materials to 12 sites",
            "distributed-training",
        ),
        ("Experience\n- Document classification for records management", "nlp"),
        ("Skills\nMarket Research, Segmentation, Targeting, Positioning", "computer-vision"),
        ("Experience\n- Improved the site's Google search ranking", "search-ranking"),
        (
            "Experience\n- Content moderation of community posts and member support",
            "trust-and-safety",
        ),
        ("Skills\nCommunity Management, Content Moderation, Canva", "trust-and-safety"),
        ("Experience\n- KPI benchmarking of store performance", "performance-engineering"),
        # Teaching, security, photography, sport, HR, admin: the ML fields' own phrases.
        ("Experience\n- Designed online learning modules for 300 students", "machine-learning"),
        ("Experience\n- Applied adult learning theory to corporate training", "machine-learning"),
        ("Experience\n- Built decision trees for the customer service scripts", "machine-learning"),
        (
            "Experience\n- Used active learning strategies and group work in class",
            "active-learning",
        ),
        ("Experience\n- Taught reading comprehension and phonics to grade 3", "nlp"),
        ("Experience\n- Meeting summarization and minutes for the board", "nlp"),
        ("Experience\n- Virtual Assistant for three small-business owners", "nlp"),
        (
            "Experience\n- Monitored video surveillance systems and CCTV at the mall",
            "computer-vision",
        ),
        (
            "Education\nA.S. in Medical Imaging; registered radiologic technologist",
            "computer-vision",
        ),
        ("Experience\n- Image processing and retouching of wedding photos", "computer-vision"),
        ("Experience\n- Video analysis of matches for the coaching staff", "computer-vision"),
        ("Experience\n- Task planning and scheduling for the site crew", "ai-planning"),
        ("Experience\n- Total rewards: reward design and benefits", "reinforcement-learning"),
        ("Experience\n- Parameter tuning of CNC machines and PID loops", "hyperparameter-tuning"),
        ("Experience\n- Created generative art installations for galleries", "generative-ai"),
        # A paralegal's e-discovery and contract analysis, a teacher at an EdTech company.
        (
            "Experience\n- Document review and e-discovery in Relativity; contract analysis",
            "legal-education-ai",
        ),
        ("Skills\nWestlaw, Contract Analysis, E-Discovery", "legal-education-ai"),
        ("Experience\n- Teacher at an EdTech startup", "legal-education-ai"),
        # A keynote organised, or Apple's presentation program, is no talk given.
        ("Experience\n- Booked keynote speakers for the annual gala", "conference-presentations"),
        ("Skills\nPowerPoint, Keynote, Excel", "conference-presentations"),
    ],
)
def test_everyday_senses_are_no_ml_skill(text: str, absent: str) -> None:
    assert absent not in skill_ids(text)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("Experience\n- Trained a CNN to classify chest X-rays", "medical-imaging"),
        ("Research\nDeep learning for radiology: segmentation of CT scans", "medical-imaging"),
        (
            "Experience\n- Features from electronic health records for a readmission model",
            "clinical-data",
        ),
        ("Experience\n- Built HIPAA-compliant pipelines for hospital data", "clinical-data"),
        ("Experience\n- Classified ECG signals with a 1D CNN", "biosignals"),
        ("Skills\nEEG, fMRI, MNE-Python", "neuroscience"),
        ("Research\nEEG decoding with deep learning", "neuroscience"),
        ("Experience\n- Population pharmacokinetics modeling in NONMEM", "biostatistics"),
        ("Education\nCoursework: Biostatistics, Epidemiology", "statistics"),
        ("Experience\n- Trained neural audio processing models for hearing aids", "audio-ml"),
        ("Research interests\nSpeech and audio", "audio-ml"),
        ("Experience\n- Fine-tuned Whisper for ASR", "speech-processing"),
        ("Projects\n- Autonomous navigation for drones with ROS", "robotics"),
        ("Research\nSimulation of robot grasping for sim-to-real transfer", "simulation"),
        ("Experience\n- Built sales forecasting models with Prophet", "time-series"),
        (
            "Experience\n- Trained boosting models (XGBoost, scikit-learn) for demand forecasting",
            "time-series",
        ),
        ("Skills\nPython, Demand Forecasting, SQL", "time-series"),
        ("Projects\n- Clustering for customer segmentation", "marketing-science"),
        ("Experience\n- Predictive maintenance models on sensor data", "industrial-ml"),
        ("Projects\n- Built a chatbot with Rasa", "conversational-ai"),
        ("Research\nKnowledge bases for question answering", "knowledge-graphs"),
        ("Education\nCoursework\nInformation Retrieval\nOperating Systems", "retrieval-systems"),
        ("Experience\n- Built a RAG pipeline over support tickets", "rag"),
        ("Experience\n- Distributed training of LLMs on 64 GPUs", "distributed-training"),
        ("Experience\n- Document classification with BERT", "text-classification"),
        ("Skills\nPyTorch, Segmentation, Detection", "image-segmentation"),
        ("Skills\nPython\n\nPyTorch\n\nTransformers", "transformer-models"),
        ("Talks\n- Gave a keynote at PyData London", "conference-presentations"),
        ("Research\nOnline learning and bandit algorithms with regret bounds", "machine-learning"),
        ("Skills\nLogistic Regression, Decision Trees, Random Forests", "machine-learning"),
        ("Research\nActive learning with uncertainty sampling for annotation", "active-learning"),
        ("Experience\n- Fine-tuned T5 for document summarization", "question-answering"),
        ("Research\nDeep learning for medical imaging", "computer-vision"),
        ("Skills\nMedical Imaging", "computer-vision"),
        ("Projects\n- Image processing with OpenCV and Python", "computer-vision"),
        (
            "Projects\n- Smart Surveillance System using Raspberry Pi and Face Recognition",
            "video-understanding",
        ),
        ("Experience\n- Reward shaping for RL agents", "reinforcement-learning"),
        ("Experience\n- Parameter tuning of XGBoost models", "hyperparameter-tuning"),
        ("Projects\n- LLM task planning for household robots", "ai-planning"),
        ("Projects\n- Built an AI virtual assistant with Dialogflow", "conversational-ai"),
        ("Experience\n- Built NLP models for contract analysis", "legal-education-ai"),
        (
            "Experience\n- Trained toxicity models for automated content moderation",
            "trust-and-safety",
        ),
    ],
)
def test_the_same_words_beside_a_cue_still_count(text: str, present: str) -> None:
    assert present in skill_ids(text)


def test_a_short_word_changed_is_no_misspelling() -> None:
    found = skill_ids("Experience\n- Led monitoring and evaluation of education programmes")
    assert "llm-observability" not in found


def ml_credit(text: str) -> float:
    """The credit of the machine-learning requirement of the Research Scientist role."""
    report = analyze(text.encode(), name="resume.txt", roles=["rs"])
    (requirement,) = [r for r in report.roles[0].requirements if r.id == "machine-learning"]
    return requirement.credit


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("Research\n- Molecular dynamics simulations and DFT calculations of catalysts", 0.0),
        ("Research\n- Numerical weather prediction and climate modeling with WRF", 0.0),
        ("Research\n- Machine-learned potentials (MACE potentials) for molecular dynamics", 1.0),
        ("Research\n- AI weather prediction with GraphCast", 1.0),
    ],
)
def test_simulation_in_the_sciences_is_no_machine_learning(text: str, credit: float) -> None:
    assert ml_credit(text) == credit


def test_behavior_prediction_is_driving_only_beside_vehicles_or_roads() -> None:
    """Found in a new-user review: a social network's "user behavior prediction" gave
    autonomous driving."""
    from .test_matching import skill_ids

    social = "Experience\nBuilt machine learning models for user behavior prediction.\n"
    assert "autonomous-driving" not in skill_ids(social)
    driving = "Experience\nBehavior prediction of pedestrians for autonomous vehicles.\n"
    assert "autonomous-driving" in skill_ids(driving)


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        # A biostatistician's PCA, SVD and factor analysis are statistics (dev set 061).
        ("Experience\n- Evaluated methods such as principal component analysis", 0.0),
        ("Skills\nPCA, SVD, factor analysis, GLMs, survival analysis", 0.0),
        # its machine-learning forms still show machine learning
        ("Research\n- UMAP and t-SNE embeddings of single-cell data", 1.0),
        ("Research\n- Manifold learning for dimensionality reduction of images", 1.0),
    ],
)
def test_statistics_dimensionality_reduction_is_no_machine_learning(
    text: str, credit: float
) -> None:
    assert ml_credit(text) == credit
    assert "dimensionality-reduction" in skill_ids(text)
