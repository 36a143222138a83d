/** The Ecolaura shop: business components in the boundary-control-entity style; see docs/design.md. */
package com.ecolaura;
