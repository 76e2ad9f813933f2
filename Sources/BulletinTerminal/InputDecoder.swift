import BulletinReader
import CNcursesw

/// Turns what `wget_wch` returned into a reader event.
enum InputDecoder {
    static func decode(status: Int32, code: UInt32, mouse: () -> MouseEvent?, size: () -> (Int, Int)) -> ReaderEvent? {
        if status == KEY_CODE_YES {
            switch Int32(code) {
            case KEY_UP: return .key(.up)
            case KEY_DOWN: return .key(.down)
            case KEY_LEFT: return .key(.left)
            case KEY_RIGHT: return .key(.right)
            case KEY_NPAGE: return .key(.pageDown)
            case KEY_PPAGE: return .key(.pageUp)
            case KEY_HOME: return .key(.home)
            case KEY_END: return .key(.end)
            case KEY_ENTER: return .key(.enter)
            case KEY_BACKSPACE: return .key(.backspace)
            case KEY_BTAB: return .key(.backTab)
            case KEY_RESIZE:
                let (w, h) = size()
                return .resize(width: w, height: h)
            case KEY_MOUSE: return mouse().map(ReaderEvent.mouse)
            default: return nil
            }
        }
        guard status == OK else { return nil }
        switch code {
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 8, 127: return .key(.backspace)
        case 1...26: return .key(.control(Character(Unicode.Scalar(UInt8(96 + code)))))
        case 0..<32: return nil
        default:
            guard let scalar = Unicode.Scalar(code), scalar.properties.generalCategory != .control else { return nil }
            return .key(.character(Character(scalar)))
        }
    }
}
