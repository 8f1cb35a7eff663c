internal import CGraphviz
import Foundation

/// The disciplines (callback tables) we read DOT with, instead of `agmemread`'s defaults.
///
/// Why: cgraph's default id discipline uses the *address* of each name string as the object's id, and
/// subgraphs are kept (and iterated, by every layout and renderer) in id order. In a process whose heap is
/// not the same from run to run — Swift seeds its hashing randomly, so earlier allocations differ — that
/// order changed between runs: same layout, clusters written to the SVG in another order, bytes differ.
/// Our id discipline numbers names in the order the parser meets them (the DOT text is sorted), so a
/// graph always gets the same ids. The memory discipline is the default one's behaviour (zeroed memory);
/// the I/O discipline reads the DOT from memory line by line, like `agmemread`.
///
/// The tables are allocated once and never freed (Graphviz keeps pointers to them inside each graph);
/// their callbacks only run inside `GraphvizSession`'s lock.
enum GraphvizDisciplines {
    /// The discipline to pass to `agread`.
    nonisolated(unsafe) static let discipline: UnsafeMutablePointer<Agdisc_t> = {
        let memory = UnsafeMutablePointer<Agmemdisc_t>.allocate(capacity: 1)
        memory.initialize(
            to: Agmemdisc_t(
                open: { _ in nil },
                alloc: { _, size in calloc(1, max(size, 1)) },
                resize: { _, pointer, old, new in
                    guard let grown = realloc(pointer, max(new, 1)) else { return nil }
                    if new > old { memset(grown + old, 0, new - old) }
                    return grown
                },
                free: { _, pointer in free(pointer) },
                // Must stay nil: with a `close`, agclose() takes the discipline for an arena that frees the whole
                // heap at once and frees none of the graph's objects itself.
                close: nil))
        let ids = UnsafeMutablePointer<Agiddisc_t>.allocate(capacity: 1)
        ids.initialize(
            to: Agiddisc_t(
                open: { graph, _ in Unmanaged.passRetained(NameTable(graph: graph)).toOpaque() },
                map: { state, _, name, id, create in
                    guard let state, let id else { return 0 }
                    let table = Unmanaged<NameTable>.fromOpaque(state).takeUnretainedValue()
                    return table.map(name, id, create: create != 0) ? 1 : 0
                },
                alloc: { _, _, _ in 0 },  // ids are never chosen by callers
                free: { _, _, _ in },  // names are freed with the table, when the graph closes
                print: { state, _, id in
                    guard let state else { return nil }
                    return Unmanaged<NameTable>.fromOpaque(state).takeUnretainedValue().name(of: id)
                },
                close: { state in
                    guard let state else { return }
                    Unmanaged<NameTable>.fromOpaque(state).release()
                },
                idregister: { _, _, _ in }))
        let io = UnsafeMutablePointer<Agiodisc_t>.allocate(capacity: 1)
        io.initialize(
            to: Agiodisc_t(
                afread: { channel, buffer, size in
                    guard let channel, let buffer else { return 0 }
                    return Unmanaged<DOTReader>.fromOpaque(channel).takeUnretainedValue().readLine(into: buffer, size: Int(size))
                },
                putstr: { _, _ in -1 },  // we never write graphs through cgraph
                flush: { _ in 0 }))
        let discipline = UnsafeMutablePointer<Agdisc_t>.allocate(capacity: 1)
        discipline.initialize(to: Agdisc_t(mem: memory, id: ids, io: io))
        return discipline
    }()
}

/// Names ↔ ids for one graph: named objects get even ids in the order their names are first met; anonymous
/// objects get odd ids (as in cgraph's default discipline, which tells them apart by parity).
///
/// Names are kept as cgraph reference-counted strings (`agstrdup`), as the default discipline does: cgraph
/// reads a hidden header in front of a name it gets back (`aghtmlstr` when writing DOT), so a plain C string
/// would be read out of bounds. Each is released once when the graph closes (the id discipline is closed
/// before the graph's string dictionary).
final class NameTable {
    private let graph: UnsafeMutablePointer<Agraph_t>?
    private var ids: [String: IDTYPE] = [:]
    private var names: [UnsafeMutablePointer<CChar>] = []
    private var nextAnonymous: IDTYPE = 1

    init(graph: UnsafeMutablePointer<Agraph_t>?) { self.graph = graph }

    deinit {
        for name in names { _ = agstrfree(graph, name) }
    }

    /// Maps `name` to an id (creating one when `create`); an anonymous object (nil name) gets a fresh odd id.
    func map(_ name: UnsafeMutablePointer<CChar>?, _ id: UnsafeMutablePointer<IDTYPE>, create: Bool) -> Bool {
        guard let name else {
            guard create else { return false }
            id.pointee = nextAnonymous
            nextAnonymous += 2
            return true
        }
        let key = String(cString: name)
        if let known = ids[key] {
            id.pointee = known
            return true
        }
        guard create, let copy = agstrdup(graph, name) else { return false }
        names.append(copy)
        let new = IDTYPE(names.count) * 2
        ids[key] = new
        id.pointee = new
        return true
    }

    /// The name of a named object's id; nil for anonymous ids.
    func name(of id: IDTYPE) -> UnsafeMutablePointer<CChar>? {
        guard id % 2 == 0, id > 0, id / 2 <= IDTYPE(names.count) else { return nil }
        return names[Int(id / 2) - 1]
    }
}

/// Hands the DOT text to cgraph's scanner one line at a time (at most `size - 1` bytes, NUL-terminated).
final class DOTReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    func readLine(into buffer: UnsafeMutablePointer<CChar>, size: Int) -> Int32 {
        guard size > 1, offset < bytes.count else { return 0 }
        var count = 0
        while count < size - 1, offset < bytes.count {
            let byte = bytes[offset]
            buffer[count] = CChar(bitPattern: byte)
            count += 1
            offset += 1
            if byte == UInt8(ascii: "\n") { break }
        }
        buffer[count] = 0
        return Int32(count)
    }
}
