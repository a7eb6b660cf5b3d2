// ogi — reading a run of files with few system calls (docs/batch.md, "Reading many files").
#pragma once

#include <ogi/base/diagnostic.hpp>
#include <ogi/batch/files.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ogi::batch {

/// Reads the files of a run (a few consecutive inputs of a batch) together. Where the kernel
/// offers io_uring, one submission opens, reads and closes every file of the run, instead of
/// four system calls per file; elsewhere, or with OGI_IO_URING=0 in the environment, each file
/// is read on its own. A file that does not come back whole in one read (larger than a slot,
/// or any failure) is read again with read_file_into(), so a caller gets exactly what
/// read_file_into() gives: the same bytes, or the same error message.
///
/// Only regular files are read in a run: a read of a pipe may stop short (and what it took
/// cannot be read again), a read of a regular file stops short only at its end. Files found by
/// walking a directory are marked `regular`; any other file is asked its type first (one stat
/// each). Standard input ("-") is always read on its own. One ReadAhead belongs to one thread.
class ReadAhead {
public:
    /// Files per run; load() takes at most this many.
    static constexpr std::size_t capacity = 16;

    /// `allow_io_uring` false reads every file on its own (for tests); true uses io_uring when
    /// it is built in, the kernel allows it and OGI_IO_URING is not "0".
    explicit ReadAhead(bool allow_io_uring = true);
    ~ReadAhead();
    ReadAhead(const ReadAhead&) = delete;
    ReadAhead& operator=(const ReadAhead&) = delete;

    struct File {
        std::string path;
        bool regular = false;  ///< known to be a regular file (found under a directory): its type need not be asked
    };
    /// Reads `files` (at most `capacity`), inputs first, first + 1, … of the batch; forgets the
    /// previous run. Nothing is reported here: take() says how each file went.
    void load(std::size_t first, std::vector<File> files, const ReadLimit& limit);

    /// Input `index` of the last run: its bytes (valid until the next load() or take()), or
    /// nothing with `error` set, as read_file_into() would set it. An index outside the run is
    /// read on its own from `fallback_path` with `limit`.
    std::optional<std::string_view> take(std::size_t index, const std::string& fallback_path, const ReadLimit& limit,
                                         Lang lang, std::string& error);

    /// Whether runs are read through io_uring (false: each file on its own).
    [[nodiscard]] bool batched() const;

private:
    struct Ring;
    std::unique_ptr<Ring> ring_;
    std::size_t first_ = 0;
    ReadLimit limit_;
    std::vector<File> files_;
    std::vector<std::optional<std::size_t>> sizes_;  ///< bytes read in the run, if whole
    std::unique_ptr<char[]> buffers_;                ///< capacity slots of slot_bytes each
    std::string own_;                                ///< a file read on its own
};

}  // namespace ogi::batch
