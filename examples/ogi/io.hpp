// The ogi tool's input and output: reading files (or stdin), colour, language.
#pragma once

#include <ogi/base/diagnostic.hpp>
#include <ogi/batch/files.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace ogi::cli {

/// The option that raises the size limit, named in the message of a file over it.
inline constexpr std::string_view max_size_option = "--max-size";

/// Reads a whole file, or standard input for "-" (ogi::batch::read_file with --max-size named in
/// the message), and remembers it as an input (is_input_file). On failure returns nothing and
/// sets `error` to a sentence in the chosen language that names the file and the reason.
std::optional<std::string> read_input(const std::string& path, std::size_t max_bytes, Lang lang, std::string& error);

/// read_input() into `data`, whose memory is reused from call to call. With `remember`, the
/// file counts as an input for is_input_file() (which commands that write outputs need; the
/// record grows with every file read). False on failure, with `error` set.
bool read_input_into(const std::string& path, std::size_t max_bytes, Lang lang, std::string& data, std::string& error,
                     bool remember = true);

/// Whether `path` is a file that read_input() has read in this run (the same file, by device
/// and inode): write_atomically() refuses to replace an input with an output.
bool is_input_file(const std::string& path);

/// Whether to colour output on this stream: a terminal, and NO_COLOR unset.
bool use_colour(int fd);

struct Style {
    bool on = false;
    std::string red(const std::string& s) const { return on ? "\x1b[31m" + s + "\x1b[0m" : s; }
    std::string yellow(const std::string& s) const { return on ? "\x1b[33m" + s + "\x1b[0m" : s; }
    std::string green(const std::string& s) const { return on ? "\x1b[32m" + s + "\x1b[0m" : s; }
    std::string dim(const std::string& s) const { return on ? "\x1b[2m" + s + "\x1b[0m" : s; }
    std::string bold(const std::string& s) const { return on ? "\x1b[1m" + s + "\x1b[0m" : s; }
};

}  // namespace ogi::cli
