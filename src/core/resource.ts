/**
 * The base of every resource: it only holds the client. Resources say which route, which params and
 * which type; everything else lives in the client.
 *
 * @example
 * export class Users extends Resource<NewApiClient> { ... }
 */
export abstract class Resource<Client> {
  protected readonly client: Client;

  constructor(client: Client) {
    this.client = client;
  }
}
