// MARK: - Terminal-safe text

/// `text` with every character that could drive or mislead a terminal written as a visible `\uXXXX` escape: control
/// characters other than newline and tab (an escape sequence in a title could clear the screen or rewrite earlier
/// lines) and bidirectional controls (they reorder what is shown). Messages and reports quote input, and input is
/// hostile. The escape is also valid inside JSON strings, so JSON output stays valid and means the same.
func terminalSafe(_ text: String) -> String {
    guard text.utf8.contains(where: { ($0 < 0x20 && $0 != 0x0A && $0 != 0x09) || $0 >= 0x7F }) else { return text }
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
        if isUnsafeOnTerminal(scalar) {
            let hex = String(scalar.value, radix: 16, uppercase: true)
            out.append(contentsOf: ("\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex).unicodeScalars)
        } else {
            out.append(scalar)
        }
    }
    return String(out)
}

private func isUnsafeOnTerminal(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x0A, 0x09: return false
    case 0x00..<0x20, 0x7F...0x9F: return true
    case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
    default: return false
    }
}
