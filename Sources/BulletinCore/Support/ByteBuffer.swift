import Glibc

/// Bytes appended by `memcpy` into storage that doubles as it fills: a
/// common word's search writes 128,000 lines of eight pieces each, and an
/// array's append (its uniqueness and capacity checks, its generic copy)
/// was a third of the time it took to find them. A value: copied storage is
/// duplicated before it is written.
public struct ByteBuffer: Sendable {
    private final class Storage: @unchecked Sendable {
        var base: UnsafeMutablePointer<UInt8>
        var capacity: Int
        var count = 0

        init(capacity: Int) {
            self.capacity = max(capacity, 64)
            base = malloc(self.capacity)!.assumingMemoryBound(to: UInt8.self)
        }

        deinit { free(base) }

        /// The same bytes in storage of `capacity`.
        func copy(capacity: Int) -> Storage {
            let copy = Storage(capacity: capacity)
            copy.base.update(from: base, count: count)
            copy.count = count
            return copy
        }

        /// Room for `capacity` bytes in place: a big buffer's pages are
        /// moved by `realloc` (`mremap`), not copied, as it doubles.
        func grow(to capacity: Int) {
            base = realloc(base, capacity)!.assumingMemoryBound(to: UInt8.self)
            self.capacity = capacity
        }
    }

    private var storage = Storage(capacity: 0)

    public init() {}

    public var count: Int { storage.count }

    /// Appends `bytes`.
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        let s = writable(bytes.count)
        memcpy(s.base + s.count, source, bytes.count)
        s.count += bytes.count
    }

    public mutating func append(_ byte: UInt8) {
        let s = writable(1)
        s.base[s.count] = byte
        s.count += 1
    }

    /// Appends `value` in decimal.
    public mutating func append(decimal value: Int) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: any Int's digits and sign
        withUnsafeMutableBytes(of: &digits) { digits in
            var n = value.magnitude, i = digits.count
            repeat {
                i -= 1
                digits[i] = UInt8(ascii: "0") + UInt8(n % 10)
                n /= 10
            } while n > 0
            if value < 0 {
                i -= 1
                digits[i] = UInt8(ascii: "-")
            }
            append(UnsafeRawBufferPointer(rebasing: digits[i...]))
        }
    }

    /// The bytes, valid while this buffer lives unchanged (its storage is
    /// its own: nothing moves it but an append).
    public var unsafeBytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: storage.base, count: storage.count) }

    /// The bytes, valid only during `body`.
    public func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R { withExtendedLifetime(self) { body(unsafeBytes) } }

    /// Storage this value alone holds, with room for `extra` more bytes.
    private mutating func writable(_ extra: Int) -> Storage {
        let needed = storage.count + extra
        let capacity = needed > storage.capacity ? max(2 * storage.capacity, needed) : storage.capacity
        if !isKnownUniquelyReferenced(&storage) {
            storage = storage.copy(capacity: capacity)
        } else if capacity > storage.capacity {
            storage.grow(to: capacity)
        }
        return storage
    }
}
