// ogi — reading an input file whole, with a size limit and a clear message when it cannot be read.
#pragma once

#include <ogi/base/diagnostic.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ogi::batch {

/// What a file read was, by the file system: the same file has the same device and inode.
struct FileIdentity {
    std::uint64_t device = 0, inode = 0;
    bool regular = false;  ///< a regular file (not a pipe, a device or standard input)
};

/// How much may be read, and what the message says raises the limit.
struct ReadLimit {
    std::size_t max_bytes = 64u << 20;
    /// Named in the message of a file over the limit, e.g. "--max-size" (empty: nothing named).
    std::string_view setting;
};

/// Reads a whole file, or standard input for "-", into `data` (whose memory is reused from call
/// to call). On failure returns false, empties `data` and sets `error` to a sentence in `lang`
/// that names the file and the reason (missing, not allowed, a directory, over the limit).
/// `identity`, when given, is set to what was opened, for callers that must not overwrite an input.
bool read_file_into(const std::string& path, const ReadLimit& limit, Lang lang, std::string& data, std::string& error,
                    FileIdentity* identity = nullptr);

/// read_file_into() into a new string; nothing on failure, with `error` set.
std::optional<std::string> read_file(const std::string& path, const ReadLimit& limit, Lang lang, std::string& error);

}  // namespace ogi::batch
