/** The secure card frame app, served by the API origin. */
export {};
