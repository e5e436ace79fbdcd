%-------------------------
% Resume in Latex
% Author : Laura García Perrín
% Based off of: https://github.com/lgperrin/CV-Template-Latex
% License : MIT
%------------------------

\documentclass[letterpaper,11pt]{article}

\usepackage{latexsym}
\usepackage[empty]{fullpage}
\usepackage{titlesec}
\usepackage{marvosym}
\usepackage[usenames,dvipsnames]{color}
\usepackage{verbatim}
\usepackage{enumitem}
\usepackage[hidelinks]{hyperref}
\usepackage{fancyhdr}
\usepackage[english]{babel}
\usepackage{tabularx}
\usepackage{fontawesome5}
\usepackage{multicol}
\setlength{\multicolsep}{-3.0pt}
\setlength{\columnsep}{-1pt}
\input{glyphtounicode}

% Include custom commands
\usepackage{custom_commands}

\pagestyle{fancy}
\fancyhf{} % clear all header and footer fields
\fancyfoot{}
\renewcommand{\headrulewidth}{0pt}
\renewcommand{\footrulewidth}{0pt}


\urlstyle{same}

\raggedbottom
\raggedright
\setlength{\tabcolsep}{0in}

% Sections formatting
\titleformat{\section}{
  \vspace{-4pt}\scshape\raggedright\large\bfseries
}{}{0em}{}[\color{black}\titlerule \vspace{-5pt}]

% Ensure that generate pdf is machine readable/ATS parsable
\pdfgentounicode=1

%-------------------------------------------
%%%%%%  RESUME STARTS HERE  %%%%%%%%%%%%%%%%
%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%


\begin{document}

%----------HEADING----------

\input{sections/0_Heading}


%-----------EDUCATION-----------
\input{sections/1_Education}


%-----------EXPERIENCE-----------
\input{sections/2_Experiences}


%-----------LANGUAGES-----------
\input{sections/3_Languages}


%-----------IT SKILLS-----------
\vspace{5pt}
\input{sections/4_IT_Skills}

%-----------RELEVANT INFORMATION-
\vspace{5pt}
\input{sections/5_Relevant_Information}


\end{document}
