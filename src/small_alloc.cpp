// Global operator new/delete for the compassion program: small blocks freed
// are kept on per-size free lists and handed out again, instead of going back
// to malloc. Reading a month parses it into thousands of small toml++ nodes
// and frees them all before the next month is parsed; glibc's own per-thread
// cache keeps only 7 blocks of a size, so without these lists most of that
// churn takes malloc's slow paths (about 8% of a first `review --all`).
// Blocks still come from malloc, so memory is only ever reused for blocks of
// the same size. Left out under AddressSanitizer, which must see every free.
#include <cstddef>
#include <cstdlib>
#include <malloc.h>
#include <new>

#if defined(__SANITIZE_ADDRESS__)
#define COMPASSION_SMALL_ALLOC 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define COMPASSION_SMALL_ALLOC 0
#endif
#endif
#ifndef COMPASSION_SMALL_ALLOC
#define COMPASSION_SMALL_ALLOC 1
#endif

#if COMPASSION_SMALL_ALLOC

namespace {

// glibc gives a request of n bytes a chunk with max(24, round_up(n + 8, 16) - 8)
// usable bytes, and malloc_usable_size tells that size back: the class of a
// block is (usable - 8) / 16, the same whether asked at new or at delete.
constexpr std::size_t max_usable = 1016;
constexpr std::size_t class_count = (max_usable - 8) / 16 + 1;

struct FreeBlock {
    FreeBlock* next;
};

thread_local FreeBlock* free_lists[class_count] = {};

std::size_t usable_for(std::size_t n) {
    std::size_t chunk = (n + 8 + 15) & ~std::size_t{15};
    return chunk < 32 ? 24 : chunk - 8;
}

void* allocate(std::size_t n) {
    std::size_t usable = usable_for(n);
    if (usable <= max_usable) {
        FreeBlock*& head = free_lists[(usable - 8) / 16];
        if (FreeBlock* block = head) {
            head = block->next;
            return block;
        }
    }
    void* p = std::malloc(n == 0 ? 1 : n);
    if (!p)
        throw std::bad_alloc();
    return p;
}

void release(void* p) noexcept {
    if (!p)
        return;
    std::size_t usable = malloc_usable_size(p);
    if (usable >= 24 && usable <= max_usable && (usable - 8) % 16 == 0) {
        auto* block = static_cast<FreeBlock*>(p);
        FreeBlock*& head = free_lists[(usable - 8) / 16];
        block->next = head;
        head = block;
        return;
    }
    std::free(p);
}

} // namespace

void* operator new(std::size_t n) {
    return allocate(n);
}
void* operator new[](std::size_t n) {
    return allocate(n);
}
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
    try {
        return allocate(n);
    } catch (...) {
        return nullptr;
    }
}
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept {
    try {
        return allocate(n);
    } catch (...) {
        return nullptr;
    }
}
void operator delete(void* p) noexcept {
    release(p);
}
void operator delete[](void* p) noexcept {
    release(p);
}
void operator delete(void* p, std::size_t) noexcept {
    release(p);
}
void operator delete[](void* p, std::size_t) noexcept {
    release(p);
}
void operator delete(void* p, const std::nothrow_t&) noexcept {
    release(p);
}
void operator delete[](void* p, const std::nothrow_t&) noexcept {
    release(p);
}

#endif
