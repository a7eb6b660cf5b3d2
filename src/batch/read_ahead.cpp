// Reading a run of files with few system calls (read_ahead.hpp).
#include <ogi/batch/read_ahead.hpp>

#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>

#ifdef OGI_HAVE_LIBURING
#include <liburing.h>
#endif

namespace ogi::batch {

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

    /// Reads the files of `files` that are regular files into the slots; sizes[k] set for each
    /// that came back whole (fewer than `limit` bytes). A file not known to be regular is asked
    /// its type first. False if the ring failed: it is then not used again, and its buffers must
    /// outlive it (a request may still be writing).
    bool read(const std::vector<File>& files, char* buffers, std::size_t limit, std::vector<std::optional<std::size_t>>& sizes) {
        // A named file may be a pipe or a device, which one read may not give whole (and which
        // cannot be read twice): only a regular file goes in the run. stat follows a symbolic
        // link, as opening does. (One stat per file here is cheaper than io_uring's statx, which
        // the kernel always hands to a worker thread.)
        std::vector<char> regular(files.size(), 0);
        for (std::size_t k = 0; k < files.size(); ++k) {
            struct stat st {};
            regular[k] = files[k].regular ||
                         (files[k].path != "-" && ::stat(files[k].path.c_str(), &st) == 0 && S_ISREG(st.st_mode));
        }
        std::vector<int> open_result(files.size(), -ECANCELED), read_result(files.size(), -ECANCELED);
        unsigned queued = 0;
        enum : std::uint64_t { op_open = 0, op_read = 1, op_close = 2 };
        for (std::size_t k = 0; k < files.size(); ++k) {
            if (!regular[k]) continue;
            const auto slot = static_cast<unsigned>(k);
            // open → read → close, linked: the read runs only if the open worked, and the close
            // runs whether or not the read did (a hard link), so no file stays open.
            io_uring_sqe* sqe = next_sqe();
            if (!sqe) return fail();
            io_uring_prep_openat_direct(sqe, AT_FDCWD, files[k].path.c_str(), O_RDONLY, 0, slot);
            sqe->flags |= IOSQE_IO_LINK;
            sqe->user_data = k << 2 | op_open;
            sqe = next_sqe();
            if (!sqe) return fail();
            io_uring_prep_read(sqe, static_cast<int>(slot), buffers + k * slot_bytes, static_cast<unsigned>(limit), 0);
            sqe->flags |= IOSQE_FIXED_FILE | IOSQE_IO_HARDLINK;
            sqe->user_data = k << 2 | op_read;
            sqe = next_sqe();
            if (!sqe) return fail();
            io_uring_prep_close_direct(sqe, slot);
            sqe->user_data = k << 2 | op_close;
            queued += 3;
        }
        if (!run(queued, [&](std::uint64_t data, int res) {
                const std::uint64_t k = data >> 2;
                if (k < files.size() && (data & 3) == op_open) open_result[k] = res;
                if (k < files.size() && (data & 3) == op_read) read_result[k] = res;
            }))
            return false;
        for (std::size_t k = 0; k < files.size(); ++k)
            if (regular[k] && open_result[k] >= 0 && read_result[k] >= 0 && static_cast<std::size_t>(read_result[k]) < limit)
                sizes[k] = static_cast<std::size_t>(read_result[k]);
        return true;
    }

private:
    /// A free entry of the submission queue. There is always one (a run needs at most 48 of
    /// 64, and every run is waited for); should there not be, nothing of this step has been
    /// submitted, and the caller gives the ring up.
    io_uring_sqe* next_sqe() { return io_uring_sq_space_left(&ring) > 0 ? io_uring_get_sqe(&ring) : nullptr; }

    /// Submits the `queued` requests and waits for all of them, calling done(user_data, result)
    /// for each. False (and the ring given up) if the kernel refuses.
    template <class Done>
    bool run(unsigned queued, Done done) {
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
                done(cqe->user_data, cqe->res);
                ++n;
            }
            io_uring_cq_advance(&ring, n);
            seen += n;
        }
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

void ReadAhead::load(std::size_t first, std::vector<File> files, const ReadLimit& limit) {
    if (files.size() > capacity) files.resize(capacity);  // the rest are read on their own by take()
    first_ = first;
    limit_ = limit;
    const std::size_t max_bytes = limit.max_bytes;
    files_ = std::move(files);
    sizes_.assign(files_.size(), std::nullopt);
    if (!batched()) return;
    if (!buffers_) buffers_.reset(new char[capacity * slot_bytes]);
    // A file that fills the read (`most` bytes) may be longer than a slot or over max_bytes:
    // take() reads it again on its own, which reports the limit as read_file_into() does.
    const std::size_t most = max_bytes >= slot_bytes ? slot_bytes : max_bytes + 1;
    if (!ring_->read(files_, buffers_.get(), most, sizes_)) {
        sizes_.assign(files_.size(), std::nullopt);
        // Requests of the failed run may still write into the buffers after the ring is gone:
        // the buffers are given up, never freed (a late write must not land in freed memory),
        // and every file is read on its own from now on.
        (void)buffers_.release();
        ring_.reset();
    }
}

std::optional<std::string_view> ReadAhead::take(std::size_t index, const std::string& fallback_path,
                                                const ReadLimit& limit, Lang lang, std::string& error) {
    const bool in_run = index >= first_ && index - first_ < files_.size();
    const std::size_t k = in_run ? index - first_ : 0;
    if (in_run && sizes_[k] && buffers_) return std::string_view(buffers_.get() + k * slot_bytes, *sizes_[k]);
    const std::string& path = in_run ? files_[k].path : fallback_path;
    // One large file should not keep its memory for the rest of the batch.
    if (own_.capacity() > (std::size_t{1} << 20)) std::string().swap(own_);
    if (!read_file_into(path, in_run ? limit_ : limit, lang, own_, error)) return std::nullopt;
    return std::string_view(own_);
}

}  // namespace ogi::batch
