"""The per-sender limit: a burst is allowed, then one message per refill interval."""

from channels.rate_limit import SenderRateLimit


def test_a_burst_then_the_refill_rate():
    limit = SenderRateLimit(per_minute=60, burst=3)  # one a second after the burst
    assert [limit.retry_after("a", now=0.0) for _ in range(3)] == [None, None, None]
    assert limit.retry_after("a", now=0.0) == 1
    assert limit.retry_after("a", now=0.5) == 1  # half a token: still a wait
    assert limit.retry_after("a", now=1.0) is None
    assert limit.retry_after("b", now=1.0) is None  # every sender has a bucket of their own


def test_waiting_fills_the_bucket_up_to_the_burst_only():
    limit = SenderRateLimit(per_minute=60, burst=2)
    for _ in range(2):
        limit.retry_after("a", now=0.0)
    assert [limit.retry_after("a", now=1000.0) for _ in range(3)] == [None, None, 1]


def test_zero_turns_it_off():
    for limit in (SenderRateLimit(per_minute=0, burst=5), SenderRateLimit(per_minute=60, burst=0)):
        assert all(limit.retry_after("a", now=0.0) is None for _ in range(1000))
