// Reading a run of files with few system calls (read_ahead.hpp).
#include "read_ahead.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>

#ifdef OGI_HAVE_LIBURING
#include <liburing.h>
#endif

namespace ogi::cli {

namespace {
// A slot holds one file. Reports are about 8 KB; a larger file is read again on its own, so
// the slot size only decides how often that happens. Untouched pages of a slot cost no memory.
constexpr std::size_t slot_bytes = std::size_t{1} << 16;
}  // namespace

#ifdef OGI_HAVE_LIBURING
struct ReadAhead::Ring {
    io_uring ring{};
    bool ok = false;

    Ring() {
        const char* env = std::getenv("OGI_IO_URING");
        if (env && std::strcmp(env, "0") == 0) return;
        // Three requests per file (open, read, close); the kernel rounds up to a power of two.
        if (io_uring_queue_init(static_cast<unsigned>(3 * capacity), &ring, 0) < 0) return;  // not allowed here
        io_uring_probe* probe = io_uring_get_probe_ring(&ring);
        const bool ops = probe && io_uring_opcode_supported(probe, IORING_OP_OPENAT) &&
                         io_uring_opcode_supported(probe, IORING_OP_READ) &&
                         io_uring_opcode_supported(probe, IORING_OP_CLOSE);
        if (probe) io_uring_free_probe(probe);
        // The files opened in a run live in the ring's own table (no descriptor of the process
        // is used): that needs Linux 5.19 or later.
        if (!ops || io_uring_register_files_sparse(&ring, static_cast<unsigned>(capacity)) < 0) {
            io_uring_queue_exit(&ring);
            return;
        }
        ok = true;
    }
    ~Ring() {
        if (ok) io_uring_queue_exit(&ring);
    }
    Ring(const Ring&) = delete;
    Ring& operator=(const Ring&) = delete;

    /// Reads the batchable files of `files` into the slots; sizes[k] set for each file that
    /// came back whole (fewer than `limit` bytes). False if the ring failed: it is then not
    /// used again, and its buffers must outlive it (a request may still be writing).
    bool read(const std::vector<File>& files, char* buffers, std::size_t limit, std::vector<std::optional<std::size_t>>& sizes) {
        enum : std::uint64_t { op_open = 0, op_read = 1, op_close = 2 };
        std::vector<int> open_result(files.size(), -ECANCELED), read_result(files.size(), -ECANCELED);
        unsigned queued = 0;
        for (std::size_t k = 0; k < files.size(); ++k) {
            if (!files[k].batchable) continue;
            const auto slot = static_cast<unsigned>(k);
            // The queue has room for every request of a full run, and is empty when a run starts
            // (every run is submitted and waited for); should it not be, nothing has been
            // submitted yet, and every file is read on its own from now on.
            if (io_uring_sq_space_left(&ring) < 3) return fail();
            // open → read → close, linked: the read runs only if the open worked, and the close
            // runs whether or not the read did (a hard link), so no file stays open.
            io_uring_sqe* sqe = io_uring_get_sqe(&ring);
            io_uring_prep_openat_direct(sqe, AT_FDCWD, files[k].path.c_str(), O_RDONLY, 0, slot);
            sqe->flags |= IOSQE_IO_LINK;
            sqe->user_data = k << 2 | op_open;
            sqe = io_uring_get_sqe(&ring);
            io_uring_prep_read(sqe, static_cast<int>(slot), buffers + k * slot_bytes, static_cast<unsigned>(limit), 0);
            sqe->flags |= IOSQE_FIXED_FILE | IOSQE_IO_HARDLINK;
            sqe->user_data = k << 2 | op_read;
            sqe = io_uring_get_sqe(&ring);
            io_uring_prep_close_direct(sqe, slot);
            sqe->user_data = k << 2 | op_close;
            queued += 3;
        }
        if (queued == 0) return true;
        for (unsigned submitted = 0; submitted < queued;) {
            const int n = io_uring_submit(&ring);
            if (n == -EINTR) continue;
            if (n <= 0) return fail();
            submitted += static_cast<unsigned>(n);
        }
        for (unsigned seen = 0; seen < queued;) {
            io_uring_cqe* cqe = nullptr;
            const int r = io_uring_wait_cqe(&ring, &cqe);
            if (r == -EINTR) continue;
            if (r < 0) return fail();
            unsigned head = 0, n = 0;
            io_uring_for_each_cqe(&ring, head, cqe) {
                const std::size_t k = cqe->user_data >> 2;
                const auto op = cqe->user_data & 3;
                if (k < files.size() && op == op_open) open_result[k] = cqe->res;
                if (k < files.size() && op == op_read) read_result[k] = cqe->res;
                ++n;
            }
            io_uring_cq_advance(&ring, n);
            seen += n;
        }
        for (std::size_t k = 0; k < files.size(); ++k)
            if (files[k].batchable && open_result[k] >= 0 && read_result[k] >= 0 && static_cast<std::size_t>(read_result[k]) < limit)
                sizes[k] = static_cast<std::size_t>(read_result[k]);
        return true;
    }

private:
    bool fail() {
        ok = false;
        return false;
    }
};
#else
struct ReadAhead::Ring {
    bool ok = false;
    bool read(const std::vector<File>&, char*, std::size_t, std::vector<std::optional<std::size_t>>&) { return false; }
};
#endif

ReadAhead::ReadAhead(bool allow_io_uring) {
    if (!allow_io_uring) return;
    ring_ = std::make_unique<Ring>();
    if (!ring_->ok) ring_.reset();
}

// Every run waits for all its requests, so none is in flight when the buffers go; a ring that
// failed mid-run gave its buffers up (load()).
ReadAhead::~ReadAhead() = default;

bool ReadAhead::batched() const { return ring_ && ring_->ok; }

void ReadAhead::load(std::size_t first, std::vector<File> files, std::size_t max_bytes) {
    if (files.size() > capacity) files.resize(capacity);  // the rest are read on their own by take()
    first_ = first;
    max_bytes_ = max_bytes;
    files_ = std::move(files);
    sizes_.assign(files_.size(), std::nullopt);
    if (!batched()) return;
    if (!buffers_) buffers_.reset(new char[capacity * slot_bytes]);
    // A file that fills the read (`limit` bytes) may be longer than a slot or over max_bytes:
    // take() reads it again on its own, which reports the limit as read_input_into() does.
    const std::size_t limit = max_bytes >= slot_bytes ? slot_bytes : max_bytes + 1;
    if (!ring_->read(files_, buffers_.get(), limit, sizes_)) {
        sizes_.assign(files_.size(), std::nullopt);
        // Requests of the failed run may still write into the buffers: keep them (never freed
        // while the ring lives), and use no slot again.
        (void)buffers_.release();
        ring_.reset();
    }
}

std::optional<std::string_view> ReadAhead::take(std::size_t index, const std::string& fallback_path, std::size_t max_bytes,
                                                Lang lang, std::string& error) {
    const bool in_run = index >= first_ && index - first_ < files_.size();
    const std::size_t k = in_run ? index - first_ : 0;
    if (in_run && sizes_[k] && buffers_) return std::string_view(buffers_.get() + k * slot_bytes, *sizes_[k]);
    const std::string& path = in_run ? files_[k].path : fallback_path;
    // One large file should not keep its memory for the rest of the batch.
    if (own_.capacity() > (std::size_t{1} << 20)) std::string().swap(own_);
    if (!read_input_into(path, in_run ? max_bytes_ : max_bytes, lang, own_, error, false)) return std::nullopt;
    return std::string_view(own_);
}

}  // namespace ogi::cli
