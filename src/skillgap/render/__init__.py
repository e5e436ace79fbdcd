"""Output formats: one renderer per format and command behind one streaming interface.

``base`` holds the formats, the options and the interface; ``formats`` chooses the renderer
of each format for each command; the other modules are the renderers, imported when chosen.
"""
