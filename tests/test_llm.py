"""Optional generation, tested with LangChain's fake chat models (never a live endpoint)."""

from langchain_core.language_models.fake_chat_models import FakeListChatModel

from assistant.lc_retriever import AssistantRetriever
from assistant.llm import GenerativeEngine, filter_claims


def test_ungrounded_claims_are_removed():
    passages = {1: "Epidural blood patch with 20 mL of blood treats PDPH.", 2: "Caffeine may help."}
    text = "Use an epidural blood patch of 20 mL [1]. Give 40 mL if needed [1]. Caffeine may help [2]. Morphine works [7]. No marker here."
    kept = filter_claims(text, passages)
    assert [k[0] for k in kept] == ["Use an epidural blood patch of 20 mL.", "Caffeine may help."]


def test_generative_engine_keeps_only_cited_grounded_sentences_and_streams(engine):
    tokens: list[str] = []
    fake = FakeListChatModel(responses=["An epidural blood patch is the definitive treatment [1]. It cures 99% of cases [1]. Ask the moon [12]."])
    gen = GenerativeEngine(engine.settings, chat_model=fake, retriever=engine.retriever, references=engine.references)
    ans = gen.answer("How is post-dural puncture headache treated?", on_token=tokens.append)
    assert not ans.abstained and "definitive treatment. [1]" in ans.text
    assert "99%" not in ans.text and "moon" not in ans.text
    assert len(ans.citations) == 1 and "".join(tokens).startswith("An epidural")


def test_generation_without_any_grounded_claim_falls_back_to_extractive(engine):
    fake = FakeListChatModel(responses=["I think it is fine."])
    gen = GenerativeEngine(engine.settings, chat_model=fake, retriever=engine.retriever, references=engine.references)
    ans = gen.answer("How is post-dural puncture headache treated?")
    assert ans.citations and "[1]" in ans.text and "I think" not in ans.text


def test_condense_prompt_rewrites_followups(engine):
    fake = FakeListChatModel(responses=["How is local anaesthetic systemic toxicity treated?", "Lipid emulsion is used [1]."])
    gen = GenerativeEngine(engine.settings, chat_model=fake, retriever=engine.retriever, references=engine.references)
    ans = gen.answer("How is it treated?", ["What are the signs of LAST?"])
    assert ans.condensed_question == "How is local anaesthetic systemic toxicity treated?"


def test_langchain_retriever_returns_documents(engine):
    docs = AssistantRetriever.from_retriever(engine.retriever, k=3).invoke("硬膜外血補丁")
    assert len(docs) == 3 and all(d.metadata["lang"] == "zh" for d in docs)
    assert docs[0].metadata["chunk_id"] and docs[0].page_content


def test_the_extractive_engine_takes_on_token_and_streams_nothing(engine):
    tokens: list[str] = []
    ans = engine.answer("How is post-dural puncture headache treated?", on_token=tokens.append)
    assert ans.citations and tokens == []


def test_the_prompt_asks_for_at_most_max_sentences(engine):
    class Recorder:
        """A chat model that records the messages it is sent and replies with one grounded claim."""

        def __init__(self) -> None:
            self.sent: list = []

        def stream(self, messages):  # the LangChain surface GenerativeEngine uses
            self.sent.append(messages)
            yield type("Chunk", (), {"content": "An epidural blood patch is the definitive treatment [1]."})()

    rec = Recorder()
    settings = engine.settings.model_copy(update={"max_sentences": 3})
    gen = GenerativeEngine(settings, chat_model=rec, retriever=engine.retriever, references=engine.references)
    gen.answer("How is post-dural puncture headache treated?")
    assert "at most 3 sentences" in rec.sent[0][0].content
