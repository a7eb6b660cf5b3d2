// ogi — work on many inputs on a pool of threads, with the results handed back in input order.
#pragma once

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace ogi::batch {

/// Runs `work(i)` for every i in [0, count) on `jobs` threads and calls `deliver(i, result)` on
/// the calling thread in the order 0, 1, 2, … Threads take files in runs of `grain` consecutive
/// ones, with one atomic step, and call `claim(first, end)` for the run [first, end) before
/// `work` for each of its files, on the same thread (so that a run's files can be read
/// together). At most `window` files are in flight or waiting to be delivered, so memory does
/// not grow with `count`. With one job everything runs on the calling thread; with more, the calling thread
/// is one of the `jobs`: while the next result is not ready it takes a run itself. Threads only
/// lock to sleep or wake a sleeper. An exception thrown by `claim` or `work` stops the run and
/// is rethrown here.
template <class Result, class Claim, class Work, class Deliver>
void run_ordered(std::size_t count, unsigned jobs, std::size_t grain, Claim claim, Work work, Deliver deliver) {
    grain = std::max<std::size_t>(grain, 1);
    if (jobs <= 1 || count <= 1) {
        for (std::size_t first = 0; first < count; first += grain) {
            const std::size_t end = std::min(count, first + grain);
            claim(first, end);
            for (std::size_t i = first; i < end; ++i) deliver(i, work(i));
        }
        return;
    }
    // Wide enough that a thread waiting for room with a whole run never waits on itself: a run
    // that starts at the next file to deliver always fits in half the window.
    const std::size_t window = std::max<std::size_t>(16, 4 * grain) * jobs;
    struct Slot {
        std::optional<Result> result;
        std::exception_ptr failure;
        std::atomic<std::size_t> filled{0};  // i + 1 once file i's outcome is here
    };
    std::vector<Slot> slots(window);
    std::atomic<std::size_t> next{0};       // the first file of the next run nobody has taken
    std::atomic<std::size_t> delivered{0};  // files handed to `deliver`
    std::atomic<bool> stop{false}, main_waiting{false};
    std::atomic<unsigned> workers_waiting{0};
    std::mutex m;
    std::condition_variable ready_cv, room_cv;
    auto filled = [&](std::size_t i) {
        slots[i % window].filled.store(i + 1);
        if (main_waiting.load()) {
            std::lock_guard lock(m);
            ready_cv.notify_one();
        }
    };
    auto run = [&](std::size_t first) {
        const std::size_t end = std::min(count, first + grain);
        try {
            claim(first, end);
        } catch (...) {
            for (std::size_t i = first; i < end; ++i) {
                slots[i % window].failure = std::current_exception();
                filled(i);
            }
            return;
        }
        for (std::size_t i = first; i < end; ++i) {
            Slot& s = slots[i % window];
            try {
                s.result.emplace(work(i));
            } catch (...) {
                s.failure = std::current_exception();
            }
            filled(i);
        }
    };
    auto worker = [&] {
        for (;;) {
            const std::size_t first = next.fetch_add(grain);
            if (first >= count || stop.load()) return;
            const std::size_t last = std::min(count, first + grain) - 1;
            if (last >= delivered.load() + window) {
                // The window is full: wait until half of it is free, so as not to sleep and wake
                // once per run when this thread runs ahead of the calling one.
                std::unique_lock lock(m);
                ++workers_waiting;
                room_cv.wait(lock, [&] { return stop.load() || last < delivered.load() + window / 2; });
                --workers_waiting;
                if (stop.load()) return;
            }
            run(first);
        }
    };
    std::vector<std::jthread> threads;
    threads.reserve(jobs - 1);
    for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(worker);
    auto finish = [&] {
        {
            std::lock_guard lock(m);
            stop = true;
        }
        room_cv.notify_all();
        threads.clear();  // joins
    };
    try {
        for (std::size_t i = 0; i < count; ++i) {
            Slot& s = slots[i % window];
            while (s.filled.load() != i + 1) {
                // Not ready: take the next run if there is room for it, else sleep.
                std::size_t j = next.load();
                if (j < count && std::min(count, j + grain) - 1 < i + window && next.compare_exchange_strong(j, j + grain)) {
                    run(j);
                    continue;
                }
                std::unique_lock lock(m);
                if (workers_waiting.load() > 0) room_cv.notify_all();  // whoever holds file i may be asleep
                main_waiting = true;
                ready_cv.wait(lock, [&] { return s.filled.load() == i + 1; });
                main_waiting = false;
            }
            if (s.failure) std::rethrow_exception(std::exchange(s.failure, nullptr));
            Result r = std::move(*s.result);
            s.result.reset();
            delivered.store(i + 1);
            if ((i + 1) % (window / 4) == 0 && workers_waiting.load() > 0) {
                std::lock_guard lock(m);
                room_cv.notify_all();
            }
            deliver(i, std::move(r));
        }
    } catch (...) {
        finish();
        throw;
    }
    finish();
}

/// run_ordered() one file at a time, with nothing to do for a run.
template <class Result, class Work, class Deliver>
void run_ordered(std::size_t count, unsigned jobs, Work work, Deliver deliver) {
    run_ordered<Result>(count, jobs, 1, [](std::size_t, std::size_t) {}, std::move(work), std::move(deliver));
}

}  // namespace ogi::batch
