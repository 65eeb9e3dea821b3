# A condition with an unknown timing.
PREFIX ck: <https://w3id.org/cyberkg/ontology#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX id: <https://w3id.org/cyberkg/id/>
PREFIX ets185: <https://w3id.org/cyberkg/id/ETS185/>
PREFIX uncc: <https://w3id.org/cyberkg/id/UNCC/>
PREFIX party: <https://w3id.org/cyberkg/id/party/>
PREFIX alignment: <https://w3id.org/cyberkg/id/alignment/>
DELETE DATA { ets185:cond-4-2-timing ck:timing "signature-or-deposit" } ; INSERT DATA { ets185:cond-4-2-timing ck:timing "whenever" }
