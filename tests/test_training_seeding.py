"""Every run draws from its own generators: another thread reseeding torch's global RNG changes nothing."""

from __future__ import annotations

import threading

import torch

from cnnviz.training import train_model


def _weights(model: torch.nn.Module) -> dict[str, torch.Tensor]:
    return {k: v.detach().clone() for k, v in model.state_dict().items()}


def test_concurrent_runs_with_a_reseeding_thread_match_a_lone_run(mnist) -> None:  # type: ignore[no-untyped-def]
    # small_cnn has dropout and the recipe's shuffling; augment=True adds random shifts and rotations.
    def run() -> dict[str, torch.Tensor]:
        trained = train_model("small_cnn", mnist, epochs=1, subset=192, seed=5, threads=1, augment=True,
                              batch_size=32, eval_each_epoch=False)
        return _weights(trained.model)

    lone = run()
    results: list[dict[str, torch.Tensor]] = []
    done = threading.Event()

    def reseed() -> None:  # what changing the Training lab's seed does while a zoo report trains
        i = 0
        while not done.is_set():
            torch.manual_seed(i)
            torch.rand(1000)
            i += 1

    def worker() -> None:
        results.append(run())

    noise = threading.Thread(target=reseed)
    workers = [threading.Thread(target=worker) for _ in range(2)]
    noise.start()
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    done.set()
    noise.join()
    assert len(results) == 2
    for result in results:
        for name, value in lone.items():
            assert torch.equal(value, result[name]), name


def test_a_run_leaves_the_global_rng_alone(mnist) -> None:  # type: ignore[no-untyped-def]
    torch.manual_seed(123)
    expected = torch.rand(5)
    torch.manual_seed(123)
    train_model("logistic", mnist, epochs=1, subset=64, seed=9, threads=1, eval_each_epoch=False)
    assert torch.equal(torch.rand(5), expected)


def test_different_seeds_give_different_weights(mnist) -> None:  # type: ignore[no-untyped-def]
    a = train_model("logistic", mnist, epochs=1, subset=64, seed=1, threads=1, eval_each_epoch=False)
    b = train_model("logistic", mnist, epochs=1, subset=64, seed=2, threads=1, eval_each_epoch=False)
    assert not torch.equal(a.model.fc.weight, b.model.fc.weight)
