/// A property of the export's vocabulary: its JSON-LD term, its full IRI, and what its values are.
///
/// Every value of a property has the same shape (an IRI, a plain string, an English string, or a typed
/// literal), so the context can coerce it once and each writer knows how to print it.
public struct LinkedProperty: Sendable, Hashable {
    public enum Range: Sendable, Hashable {
        /// An absolute IRI (`"@type": "@id"` in the context).
        case iri
        /// A plain string (`xsd:string`).
        case string
        /// A string in English (`"@language": "en"`).
        case english
        /// A literal of this datatype IRI (`"@type": datatype`).
        case datatype(String)
    }

    public let term: String
    public let iri: String
    public let range: Range
    /// Its place in its vocabulary's `propertyTable`: what a node's statements hold instead of the property (a
    /// copy of which retained its strings).
    public let index: Int

    init(_ term: String, _ iri: String, _ range: Range, index: Int) {
        self.term = term
        self.iri = iri
        self.range = range
        self.index = index
    }
}

/// A class of the export's vocabulary: its JSON-LD term and its full IRI.
public struct LinkedClass: Sendable, Hashable {
    public let term: String
    public let iri: String

    public init(_ term: String, _ iri: String) {
        self.term = term
        self.iri = iri
    }
}

/// The namespaces the export uses, with the prefixes Turtle and the context give them.
public enum Namespace {
    public static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    public static let skos = "http://www.w3.org/2004/02/skos/core#"
    /// schema.org's https namespace: the one its term pages and rdflib's `SDO` use.
    public static let schema = "https://schema.org/"
    public static let dcterms = "http://purl.org/dc/terms/"
    public static let xsd = "http://www.w3.org/2001/XMLSchema#"

    public static let rdfType = rdf + "type"
    public static let xsdString = xsd + "string"
    public static let xsdGYear = xsd + "gYear"
    public static let rdfLangString = rdf + "langString"
}
