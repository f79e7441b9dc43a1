"""The topic catalogue of DESIGN.md: fixed ids that the tests, the widget and analytics use."""

ARTICLE_TOPICS = [
    "symptoms",
    "symptom.sadness", "symptom.anhedonia", "symptom.appetite", "symptom.sleep",
    "symptom.fatigue", "symptom.concentration", "symptom.guilt", "symptom.physical",
    "symptom.psychomotor",
    "connection",
    "barriers",
    "barrier.self-perception", "barrier.social-anxiety", "barrier.low-energy",
    "barrier.stigma", "barrier.logistics", "barrier.few-opportunities",
    "strategies",
    "strategy.realistic-goals", "strategy.self-compassion", "strategy.supportive-environments",
    "strategy.breaks", "strategy.technology", "strategy.shared-activities",
    "strategy.open-communication", "strategy.mindfulness", "strategy.rest-recovery",
    "strategy.empathy-not-pity", "strategy.professional-help",
    "faq.decline-invitations", "faq.anxiety-worsens", "faq.explain-absence",
    "faq.peers-with-depression", "faq.disclosure",
]
SMALL_TALK_TOPICS = ["greet", "goodbye", "thanks", "bot-challenge", "help", "out-of-scope", "fallback"]
STEP_TOPICS = ["next-step", "step.celebrate"]
CRISIS_TOPIC = "crisis"

CATALOGUE = ARTICLE_TOPICS + SMALL_TALK_TOPICS + STEP_TOPICS + [CRISIS_TOPIC]
# Topics answered from actions/content.yml's `topics` (the others come from the step
# conversation or, for crisis, from the domain).
CONTENT_TOPICS = ARTICLE_TOPICS + SMALL_TALK_TOPICS
