-- each service owns its database on the shared server
CREATE DATABASE stevens_memory;
CREATE DATABASE stevens_briefing;
