public struct Point: Equatable, Sendable {
  public var x: Int
  public var y: Int
  public init(x: Int, y: Int) {
    self.x = x
    self.y = y
  }
}

public struct Size: Equatable, Sendable {
  public var width: Int
  public var height: Int
  public init(width: Int, height: Int) {
    self.width = width
    self.height = height
  }
  /// Below this the console shows « agrandissez la fenêtre » instead of a broken layout.
  public static let minimum = Size(width: 80, height: 24)
}

public struct Rect: Equatable, Sendable {
  public var x: Int
  public var y: Int
  public var width: Int
  public var height: Int
  public init(x: Int, y: Int, width: Int, height: Int) {
    self.x = x
    self.y = y
    self.width = max(0, width)
    self.height = max(0, height)
  }
  public var maxX: Int { x + width }
  public var maxY: Int { y + height }

  /// Splits off `rows` lines at the top; returns (top, rest).
  public func splitTop(_ rows: Int) -> (Rect, Rect) {
    let r = min(rows, height)
    return (
      Rect(x: x, y: y, width: width, height: r),
      Rect(x: x, y: y + r, width: width, height: height - r)
    )
  }

  /// Splits off `columns` at the left; returns (left, rest).
  public func splitLeft(_ columns: Int) -> (Rect, Rect) {
    let c = min(columns, width)
    return (
      Rect(x: x, y: y, width: c, height: height),
      Rect(x: x + c, y: y, width: width - c, height: height)
    )
  }

  public func inset(_ d: Int) -> Rect {
    Rect(x: x + d, y: y + d, width: width - 2 * d, height: height - 2 * d)
  }
}
