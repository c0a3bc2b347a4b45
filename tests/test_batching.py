import pytest

from kabar.batching import batched


def test_batches_are_consecutive_and_the_last_is_shorter():
    assert list(batched(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(batched([], 3)) == [] and list(batched("ab", 5)) == [["a", "b"]]


def test_items_are_read_lazily():
    seen = []

    def items():
        for i in range(10):
            seen.append(i)
            yield i

    first = next(batched(items(), 4))
    assert first == [0, 1, 2, 3] and seen == [0, 1, 2, 3]


def test_a_batch_holds_at_least_one_item():
    with pytest.raises(ValueError):
        list(batched([1], 0))
