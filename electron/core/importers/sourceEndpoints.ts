/** Network addresses the source importers reach; tests point them at a loopback server. */
export interface SourceEndpoints {
  stackExchangeApiUrl?: string
  credlyApiUrl?: string
}
