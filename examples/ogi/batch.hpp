// Many files at once (docs/batch.md): expanding directories into files, a thread pool that
// hands results back in input order with a bounded number of files in flight, a progress bar
// on stderr, and the closing summary. Used by `ogi validate`, `ogi extract` and `ogi export`.
#pragma once

#include "io.hpp"

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace ogi::cli {

/// One input: its path as the user named it (or as found under a directory), and where it
/// sits under the directory it was found in (empty for a file named directly).
struct Input {
    std::string path;
    std::size_t relative_from = std::string::npos;  ///< where the part under the directory begins
    [[nodiscard]] std::string_view relative() const {
        return relative_from == std::string::npos ? std::string_view() : std::string_view(path).substr(relative_from);
    }
};

/// The files named by `args`: a file (or "-") stands for itself; with `recursive`, a directory
/// stands for every regular file under it whose name ends in one of `extensions` (case-insensitive),
/// in path order. Without `recursive` a directory stays as it is (and cannot be read: exit 2).
/// `batch` is set when the inputs are "many files": more than one argument, or a directory.
std::vector<Input> expand_inputs(const std::vector<std::string>& args, bool recursive,
                                 std::span<const std::string_view> extensions, bool& batch);

/// The number of threads for `-j N`: N if positive, else every core.
unsigned job_count(int requested);

/// A one-line progress bar on stderr, drawn only when stderr is a terminal. Redrawn at most
/// ten times a second; clear() erases it before other output goes to the terminal.
class Progress {
public:
    Progress(std::size_t total, bool enabled);
    ~Progress();
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;
    void update(std::size_t done);
    void clear();

private:
    std::size_t total_;
    bool enabled_;
    bool drawn_ = false;
    std::chrono::steady_clock::time_point last_{};
};

/// Whether a progress bar belongs on stderr: a terminal, and more than one file.
bool want_progress(std::size_t files);

/// Runs `work(i)` for every i in [0, count) on `jobs` threads and calls `deliver(i, result)` on
/// the calling thread in the order 0, 1, 2, … At most `window` files are in flight or waiting to
/// be delivered, so memory does not grow with `count`. With one job everything runs on the
/// calling thread. An exception thrown by `work` stops the run and is rethrown here.
template <class Result, class Work, class Deliver>
void run_ordered(std::size_t count, unsigned jobs, Work work, Deliver deliver) {
    if (jobs <= 1 || count <= 1) {
        for (std::size_t i = 0; i < count; ++i) deliver(i, work(i));
        return;
    }
    const std::size_t window = std::size_t{4} * jobs;
    std::vector<std::optional<Result>> slots(window);
    std::vector<std::exception_ptr> failures(window);
    std::mutex m;
    std::condition_variable work_cv, done_cv;
    std::size_t next = 0, delivered = 0;
    bool stop = false;
    auto worker = [&] {
        for (;;) {
            std::size_t i;
            {
                std::unique_lock lock(m);
                work_cv.wait(lock, [&] { return stop || next >= count || next < delivered + window; });
                if (stop || next >= count) return;
                i = next++;
            }
            std::optional<Result> r;
            std::exception_ptr failure;
            try {
                r.emplace(work(i));
            } catch (...) {
                failure = std::current_exception();
            }
            {
                std::lock_guard lock(m);
                slots[i % window] = std::move(r);
                failures[i % window] = failure;
            }
            done_cv.notify_one();
        }
    };
    std::vector<std::jthread> threads;
    threads.reserve(jobs);
    for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(worker);
    auto finish = [&] {
        {
            std::lock_guard lock(m);
            stop = true;
        }
        work_cv.notify_all();
        threads.clear();  // joins
    };
    try {
        for (std::size_t i = 0; i < count; ++i) {
            Result r = [&] {
                std::unique_lock lock(m);
                done_cv.wait(lock, [&] { return slots[i % window].has_value() || failures[i % window]; });
                if (failures[i % window]) std::rethrow_exception(std::exchange(failures[i % window], nullptr));
                Result out = std::move(*slots[i % window]);
                slots[i % window].reset();
                ++delivered;
                return out;
            }();
            work_cv.notify_all();
            deliver(i, std::move(r));
        }
    } catch (...) {
        finish();
        throw;
    }
    finish();
}

/// The closing summary of a batch: files, valid, invalid (with errors), unreadable, and the
/// number of findings per rule.
struct Summary {
    std::size_t files = 0, valid = 0, invalid = 0, unreadable = 0;
    std::map<std::string_view, std::size_t> per_rule;
    /// "\n12 files: 10 valid, 1 invalid, 1 unreadable; OGI-S-JSON 1" (the unreadable part only
    /// when there are any), or its Chinese counterpart.
    [[nodiscard]] std::string text(Lang lang) const;
};

}  // namespace ogi::cli
