/** Every error the API returns has this shape; `message` is Dutch and meant for the user. */
export interface ApiFieldError {
  readonly field: string;
  readonly messages: readonly string[];
}

export interface ApiErrorBody {
  readonly statusCode: number;
  readonly error: string;
  readonly message: string;
  readonly errors?: readonly ApiFieldError[];
  readonly requestId?: string;
}
