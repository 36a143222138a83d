/** RFC 9457 problem details for every error, strict JSON and parameter parsing: a client sees a clear 400/404/409, never a stack trace. */
package com.ecolaura.problems.boundary;
