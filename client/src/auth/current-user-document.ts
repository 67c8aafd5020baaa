// Who is signed in: asked by CurrentUserProvider, and early (before Apollo loads) by early-current-user.ts.
import { graphql } from '../gql';

export const CurrentUserDocument = graphql(`
  query CurrentUser {
    me {
      id
      email
      role
      mustChangePassword
      patient { id fullName }
      doctor { id fullName }
    }
    hospital { timezone }
  }
`);
