// ogi — the files of a batch: files named one by one and every file under a directory, in path order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ogi::batch {

/// One input: its path as the user named it (or as found under a directory), and where it
/// sits under the directory it was found in (empty for a file named directly).
struct Input {
    std::string path;
    std::size_t relative_from = std::string::npos;  ///< where the part under the directory begins
    [[nodiscard]] std::string_view relative() const {
        return relative_from == std::string::npos ? std::string_view() : std::string_view(path).substr(relative_from);
    }
};

class InputList;
InputList expand_input_list(const std::vector<std::string>& args, bool recursive,
                            std::span<const std::string_view> extensions, bool& batch);

/// The inputs, kept compactly: a file found under a directory costs its name under that
/// directory and 5 bytes, not a whole path, so that a run over many files stays small.
class InputList {
public:
    [[nodiscard]] std::size_t size() const { return entries_.size(); }
    [[nodiscard]] bool empty() const { return entries_.empty(); }
    /// The i-th input, its path put together.
    [[nodiscard]] Input operator[](std::size_t i) const;

    /// A file named directly: it stands for itself.
    void add_file(const std::string& path);

private:
    /// Paths that begin with `prefix`: the entries [first, next group's first).
    struct Group {
        std::string prefix;
        std::size_t relative_from = std::string::npos;
        std::size_t first = 0;
    };
    /// Where the i-th entry's name (the rest of its path, NUL-terminated) begins in names_.
    [[nodiscard]] const char* name(std::uint32_t offset) const { return names_.data() + offset; }
    void add_name(std::string_view name);

    std::vector<Group> groups_;
    std::vector<std::uint32_t> entries_;
    std::string names_;

    friend InputList expand_input_list(const std::vector<std::string>& args, bool recursive,
                                       std::span<const std::string_view> extensions, bool& batch);
};

/// The files named by `args`: a file (or "-") stands for itself; with `recursive`, a directory
/// stands for every regular file under it whose name ends in one of `extensions` (case-insensitive),
/// in path order. Without `recursive` a directory stays as it is (and cannot be read: exit 2).
/// `batch` is set when the inputs are "many files": more than one argument, or a directory.
InputList expand_input_list(const std::vector<std::string>& args, bool recursive,
                            std::span<const std::string_view> extensions, bool& batch);
/// expand_input_list() as a vector of paths.
std::vector<Input> expand_inputs(const std::vector<std::string>& args, bool recursive,
                                 std::span<const std::string_view> extensions, bool& batch);

/// The number of threads for `-j N`: N if positive, else every core.
unsigned job_count(int requested);

}  // namespace ogi::batch
