// The ogi tool's side of many files at once (docs/batch.md): the progress bar on stderr and the
// closing summary. Finding the files, reading them in runs and the ordered thread pool are the
// library's (ogi/batch/); these re-export them for the commands.
#pragma once

#include "io.hpp"

#include <ogi/batch/inputs.hpp>
#include <ogi/batch/run_ordered.hpp>

#include <chrono>
#include <cstddef>
#include <map>
#include <string>
#include <string_view>

namespace ogi::cli {

using batch::expand_input_list;
using batch::expand_inputs;
using batch::Input;
using batch::InputList;
using batch::job_count;
using batch::run_ordered;

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
