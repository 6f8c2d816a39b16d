/// A BMO employment area (bassin d'emploi), the building block of territories.
public struct Bassin: Equatable, Hashable, Sendable {
  public var code: String
  public var name: String
  public init(code: String, name: String) {
    self.code = code
    self.name = name
  }
}

/// A commune with the bassin it belongs to, used to find a visitor's territory by typing a place name.
public struct Commune: Equatable, Hashable, Sendable {
  public var inseeCode: String
  public var name: String
  public var bassinCode: String
  public init(inseeCode: String, name: String, bassinCode: String) {
    self.inseeCode = inseeCode
    self.name = name
    self.bassinCode = bassinCode
  }
}

/// A ZTEF: a named set of bassins defined by an administrator. Defaults are one territory per bassin.
public struct Territory: Equatable, Hashable, Sendable, Identifiable {
  public var id: Int64
  public var name: String
  public init(id: Int64, name: String) {
    self.id = id
    self.name = name
  }
}

/// The answer to « where do you live? »: the commune typed and the territory it falls in.
public struct CommuneMatch: Equatable, Hashable, Sendable {
  public var commune: Commune
  public var territory: Territory
  public init(commune: Commune, territory: Territory) {
    self.commune = commune
    self.territory = territory
  }
}
